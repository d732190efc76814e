/**
 * In the arrays of member numbers by partition number (previous owners, owners), no member. Member numbers
 * are never negative, so hot loops test `>= 0`, which needs no imported binding.
 */
export const NOBODY = -1;
