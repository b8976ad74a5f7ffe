// The paths of the files chosen with a folder picker, relative to the folder (the browser's webkitRelativePath
// starts with the chosen folder's own name), in the order Blazor's InputFile lists them. MudFileUpload adds a fresh
// input after each choice: the last one holds the folder just chosen.
export function relativePaths(selector) {
  const inputs = document.querySelectorAll(selector);
  const input = inputs[inputs.length - 1];
  if (!input || !input.files) return [];
  return Array.from(input.files, f => {
    const path = f.webkitRelativePath || f.name;
    const slash = path.indexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  });
}
