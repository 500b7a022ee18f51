// Saves text as a file on this device (plan exports, Memories). Nothing is sent anywhere. Words to read
// are saved as .txt, which every phone opens (a .md file often has no app to open it).
export function download(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
