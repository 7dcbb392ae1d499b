/**
 * Backups of the embedded Derby database: an administrator takes one from {@code /admin/backups.xhtml} (or the
 * server takes one each day at {@code BACKUP_AT}) with Derby's online backup procedure, which copies a
 * consistent database while the application keeps serving; each goes into its own timestamped folder under
 * {@code BACKUP_DIR}, the newest {@code BACKUP_KEEP} are kept. {@code setup/restore} puts one back. On
 * PostgreSQL the database server takes the backups (pg_dump), and the page says so.
 */
package vn.cadretraining.shared.backup;
