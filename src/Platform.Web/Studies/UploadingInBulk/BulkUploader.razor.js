// The paths of the files chosen with a folder picker, relative to the folder (the browser's webkitRelativePath
// starts with the chosen folder's own name), in the order Blazor's InputFile lists them. MudFileUpload adds a fresh,
// empty input after each choice and keeps the earlier ones with their files: the last input holding files is the one
// just chosen (the very last one is usually the fresh, empty one).
export function relativePaths(selector) {
  const inputs = Array.from(document.querySelectorAll(selector)).filter(i => i.files && i.files.length > 0);
  const input = inputs[inputs.length - 1];
  if (!input) return [];
  return Array.from(input.files, f => {
    const path = f.webkitRelativePath || f.name;
    const slash = path.indexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  });
}
