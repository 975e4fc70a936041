// The yardsticks the benchmark compares with: Hugo (from Debian: `apt-get install hugo`) and
// Eleventy (installed from npm into a scratch folder outside the project, never a dependency of
// it), each building the same synthetic archive as plain Markdown pages with a minimal layout.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A site generator the benchmark can time: how to build from nothing, or why it cannot. */
export interface Anchor {
  name: string;
  /** Removes what an earlier run left (output, caches) and builds; throws when the build fails. */
  build?: () => void;
  missing?: string;
}

/** The issues as Markdown pages: title and date in front matter, one paragraph per line of text. */
async function markdownPages(issueFiles: string[], dir: string, frontMatter: (n: number, date: string) => string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const [i, file] of issueFiles.entries()) {
    const text = await fs.readFile(file, 'utf8');
    const date = text.match(/^date:\s*(\S+)/m)?.[1] ?? '2020-01-01';
    const body = text
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .split('\n')
      .filter((line) => line.trim())
      .join('\n\n');
    await fs.writeFile(path.join(dir, `${i + 1}.md`), `---\n${frontMatter(i + 1, date)}---\n\n${body}\n`);
  }
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.error?.message ?? result.stderr}`);
}

function which(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

export async function hugo(issueFiles: string[], work: string): Promise<Anchor> {
  if (!which('hugo')) return { name: 'Hugo', missing: 'not installed (apt-get install hugo)' };
  const site = path.join(work, 'hugo');
  await markdownPages(issueFiles, path.join(site, 'content', 'issues'), (n, date) => `title: "Krasse Links No ${n}"\ndate: ${date}\n`);
  await fs.writeFile(path.join(site, 'hugo.toml'), 'baseURL = "http://localhost/"\ntitle = "Krasse Links"\ndisableKinds = ["taxonomy", "term"]\n');
  const layouts = path.join(site, 'layouts', '_default');
  await fs.mkdir(layouts, { recursive: true });
  const page = (main: string) => `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>${main}</main></body></html>\n`;
  await fs.writeFile(path.join(layouts, 'single.html'), page('<h1>{{ .Title }}</h1>{{ .Content }}'));
  await fs.writeFile(path.join(layouts, 'list.html'), page('<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>'));
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' }).stdout.split(' ')[1] ?? '';
  return {
    name: `Hugo ${version}`,
    build: () => {
      spawnSync('rm', ['-rf', path.join(site, 'public'), path.join(site, 'resources')]);
      run('hugo', ['--quiet', '--source', site, '--ignoreCache'], site);
    },
  };
}

/** Eleventy from npm, kept in the user's cache folder between benchmark runs. */
export async function eleventy(issueFiles: string[], work: string): Promise<Anchor> {
  const home = path.join(os.homedir(), '.cache', 'krasse-links-bench', 'eleventy');
  const cli = path.join(home, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
  try {
    await fs.access(cli);
  } catch {
    await fs.mkdir(home, { recursive: true });
    await fs.writeFile(path.join(home, 'package.json'), '{ "private": true }\n');
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', '@11ty/eleventy@3'], { cwd: home, encoding: 'utf8' });
    if (install.status !== 0) return { name: 'Eleventy', missing: `not installed (npm install @11ty/eleventy in ${home} failed)` };
  }
  const site = path.join(work, 'eleventy');
  await markdownPages(issueFiles, path.join(site, 'issues'), (n, date) => `title: "Krasse Links No ${n}"\ndate: ${date}\nlayout: issue.liquid\ntags: issues\n`);
  await fs.mkdir(path.join(site, '_includes'), { recursive: true });
  await fs.writeFile(
    path.join(site, '_includes', 'issue.liquid'),
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{{ title }}</title></head><body><main><h1>{{ title }}</h1>{{ content }}</main></body></html>\n',
  );
  await fs.writeFile(
    path.join(site, 'index.liquid'),
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Krasse Links</title></head><body><ul>{% for issue in collections.issues %}<li><a href="{{ issue.url }}">{{ issue.data.title }}</a></li>{% endfor %}</ul></body></html>\n',
  );
  const version = JSON.parse(await fs.readFile(path.join(home, 'node_modules', '@11ty', 'eleventy', 'package.json'), 'utf8')).version;
  return {
    name: `Eleventy ${version}`,
    build: () => {
      spawnSync('rm', ['-rf', path.join(site, '_site'), path.join(site, '.cache')]);
      run(process.execPath, [cli, '--quiet', `--input=${site}`, `--output=${path.join(site, '_site')}`], site);
    },
  };
}
