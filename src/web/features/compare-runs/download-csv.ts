/** Saves `text` as a file through a Blob URL: no server round trip, works for any size the tab holds. */
export function downloadCsv(text: string, fileName: string): void {
  // The BOM makes Excel read the file as UTF-8 instead of the system code page.
  const url = URL.createObjectURL(new Blob(["\ufeff", text], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not now: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
