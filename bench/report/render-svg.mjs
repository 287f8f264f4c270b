// Renders vega-lite specs to SVG for the performance report (bench/report/render-charts.ts starts
// it). A process of its own because vega-lite is an ES module with top-level await: neither the
// harness's CommonJS (ts-node) nor Jest's module system can load it, a plain Node process can.
// stdin: [{ "file": "a.svg", "spec": {…vega-lite…} }, …]; stdout: { "a.svg": "<svg …" }.
import { compile } from 'vega-lite';
import * as vega from 'vega';
import { text } from 'node:stream/consumers';

const charts = JSON.parse(await text(process.stdin));
const rendered = {};
for (const { file, spec } of charts) {
  // renderer 'none': no canvas or DOM, the scenegraph goes straight to SVG markup.
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  rendered[file] = await view.toSVG();
  view.finalize();
}
process.stdout.write(JSON.stringify(rendered));
