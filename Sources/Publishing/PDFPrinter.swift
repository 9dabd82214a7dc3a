import Foundation
import LearnerWorkspace

/// Prints HTML to PDF with whichever engine is installed: headless Chromium, else WeasyPrint.
struct PDFPrinter {
  let executable: String
  let isChromium: Bool

  /// The first engine found on `PATH`, or an error saying what to install.
  static func find() throws -> PDFPrinter {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
      if let path = which(name) { return PDFPrinter(executable: path, isChromium: true) }
    }
    if let path = which("weasyprint") { return PDFPrinter(executable: path, isChromium: false) }
    throw WorkbookError(
      "PDF needs headless Chromium or WeasyPrint; install one: sudo apt-get install chromium (or weasyprint)"
    )
  }

  /// Renders `html` and returns the PDF's bytes.
  func print(html: String) throws -> Data {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "handout-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("page.html")
    let pdf = folder.appendingPathComponent("page.pdf")
    try html.write(to: page, atomically: true, encoding: .utf8)
    let arguments =
      isChromium
      ? [
        executable, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
        "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
        "--print-to-pdf=\(pdf.path)", page.absoluteString,
      ]
      : [executable, page.path, pdf.path]
    let result = runCommand(arguments, in: folder)
    guard let data = FileManager.default.contents(atPath: pdf.path), !data.isEmpty else {
      let reason = result.output.split(separator: "\n").last.map(String.init) ?? "no output"
      throw WorkbookError(
        "\(URL(fileURLWithPath: executable).lastPathComponent) made no PDF: \(reason)")
    }
    return data
  }

  static func which(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
