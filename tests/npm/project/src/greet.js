import { capitalize } from "./util/strings";

export const greeting = "hello";

export function greet(name) {
	return `${capitalize(greeting)}, ${name}!`;
}

// Never imported: tree shaking must drop it.
export function unusedGreeting() {
	return "this string must not appear in the bundle";
}
