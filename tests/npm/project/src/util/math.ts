export interface Stats {
	sum: number;
	mean: number;
}

export function sum(xs: readonly number[]): number {
	return xs.reduce((a, b) => a + b, 0);
}

export function mean(xs: readonly number[]): number {
	return xs.length === 0 ? 0 : sum(xs) / xs.length;
}
