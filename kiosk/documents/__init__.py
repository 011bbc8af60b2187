"""The documents a visit produces: printed receipts and complaints, and scanned pages bound into PDFs."""
