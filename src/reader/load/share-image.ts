// The share image (og:image) of the pages: the site's (templates/site.json `image`) or an issue's
// own (front matter `image:`). Kept apart from the front matter module, which loads YAML: the
// site config needs it too, and is read by every build, even one with nothing to do.

/** Image files a share image may be (what social networks show). */
const IMAGE_EXTENSION = /\.(?:png|jpe?g|webp|gif)$/i;

/**
 * A share image: an http(s) URL, or the path of an image file in public/ (letters, digits, `.`,
 * `_`, `-` and `/` between folder names; no `..`, no leading `/`). Whether the file exists is
 * checked by the build, which knows public/.
 */
export function imageReference(value: unknown, fail: (problem: string) => Error): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const problem = `"image" must be the path of an image file in public/ (such as bilder/56.png) or an http(s) URL, not ${JSON.stringify(value)}`;
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw fail(problem);
    }
    if (!/^https?:$/.test(url.protocol) || /[\s"'<>]/.test(text)) throw fail(problem);
    return url.href;
  }
  const segments = text.split('/');
  if (!IMAGE_EXTENSION.test(text) || segments.some((segment) => !/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(segment) || segment.includes('..'))) throw fail(problem);
  return text;
}
