/** @jsx h */
// Entry point: TypeScript + JSX, imports from ES modules in other files.
import { h, render } from "./jsx";
import { sum, mean, type Stats } from "./util/math";
import { greet } from "./greet.js";
import * as strings from "./util/strings";

interface Props {
	name: string;
	values: number[];
}

function Report({ name, values }: Props): string {
	const stats: Stats = { sum: sum(values), mean: mean(values) };
	return (
		<p class="report">
			{greet(name)} sum={stats.sum} mean={stats.mean}
			<b>{strings.shout("ok")}</b>
		</p>
	);
}

enum Mode {
	Quiet,
	Loud,
}

const mode: Mode = Mode.Loud;
const html = render(<Report name="esbuild" values={[1, 2, 3, 4]} />);
console.log(mode === Mode.Loud ? strings.strip(html) : "");
