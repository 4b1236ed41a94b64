/** The page notice's shadow host tag, apart from its module so that the controller can know it without loading Preact. */
export const NOTICE_HOST_TAG = 'footnote-notice';
