/**
 * @module `/api/privacy/*`: everything held about a user as one JSON download, and deleting the
 * account (confirmed with the password), which removes every row and stored object of theirs.
 */
import { object, string } from '../../schema'

export const deleteAccountRequestSchema = object({ password: string({ min: 1, max: 1_024 }) })

/** Audit entries are kept this long, then pruned by the daily Cron Trigger. */
export const AUDIT_RETENTION_DAYS = 90

/** Version of the export's layout, so a saved file can still be read after the layout changes. */
export const EXPORT_VERSION = 1
