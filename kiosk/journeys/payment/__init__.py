"""Fee payment (缴费) and fee relief (缓减免)."""
