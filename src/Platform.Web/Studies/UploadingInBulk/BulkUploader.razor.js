// The paths of the files chosen with a folder picker, relative to the folder (the browser's webkitRelativePath
// starts with the chosen folder's own name), in the order Blazor's InputFile lists them.
export function relativePaths(selector) {
  const input = document.querySelector(selector);
  if (!input || !input.files) return [];
  return Array.from(input.files, f => {
    const path = f.webkitRelativePath || f.name;
    const slash = path.indexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  });
}
