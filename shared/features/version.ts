/**
 * @module The version of the feature layout in `letterFeatures` and `signFeatures`. Bump it with any
 * change to what those functions return: every model manifest records the version it was trained
 * on, and the recogniser refuses a model built for another.
 */
export const FEATURE_VERSION = 1
