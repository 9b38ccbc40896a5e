/** A count with its noun: "1 person", "3 people". */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
