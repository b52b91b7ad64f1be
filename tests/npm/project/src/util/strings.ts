export const capitalize = (s: string): string =>
	s.charAt(0).toUpperCase() + s.slice(1);

export const shout = (s: string): string => `${s.toUpperCase()}!`;

// Drop the tags, keep the text.
export function strip(html: string): string {
	return html.replace(/<[^>]*>/g, "");
}
