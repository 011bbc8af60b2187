"""Case lookup (案件查询): by case number, by ID card, or by the QR code of a receipt this kiosk printed."""
