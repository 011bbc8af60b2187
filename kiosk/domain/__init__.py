"""Pure rules of the court domain: fees, case numbers, ID numbers, masking, codes. No Kivy, no I/O."""
