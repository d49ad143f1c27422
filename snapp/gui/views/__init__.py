"""One module per screen; each loads its layout from ui/ and calls services through the Runner."""
