/** D1 surfaces SQLite constraint failures only through the message text. */
export const isUniqueViolation = (err: unknown, column?: string) => {
  const message = String((err as Error)?.message ?? err);
  return message.includes('UNIQUE constraint failed') && (!column || message.includes(column));
};
