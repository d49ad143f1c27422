"""The PySide6 desktop client. The only part of SNApp that imports Qt."""
