// The Run buttons' Python (runner.js starts it on the first Run): Pyodide boots once per
// worker, then runs each example the page sends, through driver.py. A worker, so that an
// endless loop never freezes the page: runner.js terminates it (the Stop button, or the time
// limit). Interrupting Python inside the worker instead (pyodide.setInterruptBuffer) needs a
// SharedArrayBuffer, which needs cross-origin isolation headers that GitHub Pages can't send.
import { loadPyodide } from "../pyodide/pyodide.mjs";

const assets = new URL("../", import.meta.url);
const ready = (async () => {
  const [pyodide, files, driver] = await Promise.all([
    loadPyodide({ indexURL: new URL("pyodide/", assets).href }),
    fetch(new URL("runner/files.json", assets)).then((r) => r.json()),
    fetch(new URL("runner/driver.py", assets)).then((r) => r.text()),
  ]);
  const names = pyodide.toPy({});
  pyodide.runPython(driver, { globals: names });
  return { pyodide, files, run: names.get("run"), repl: names.get("repl") };
})();

onmessage = async ({ data }) => {
  try {
    const { pyodide, files, run, repl } = await ready;
    postMessage({ started: true });
    const folder = { ...(data.cwd ? files.folders[data.cwd] : files.teaching), ...data.files };
    const done = (data.repl ? repl : run)(pyodide.toPy(folder), pyodide.toPy(data.commands));
    postMessage({ result: done.toJs() });
    done.destroy();
  } catch (error) {
    postMessage({ error: String(error) });
  }
};
