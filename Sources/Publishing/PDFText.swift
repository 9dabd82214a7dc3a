import Foundation
import LearnerWorkspace

/// A PDF's text page by page, through poppler's `pdftotext`, to find where headings landed.
enum PDFText {
  /// The text of each page, or nil when `pdftotext` is not installed or fails.
  static func pages(of pdf: Data) -> [String]? {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pdftext-\(UUID().uuidString)")
    guard
      (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true))
        != nil
    else { return nil }
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("in.pdf")
    let output = folder.appendingPathComponent("out.txt")
    guard (try? pdf.write(to: input)) != nil,
      let tool = PDFPrinter.which("pdftotext"),
      runCommand([tool, "-enc", "UTF-8", input.path, output.path], in: folder).status == 0,
      let text = try? String(contentsOf: output, encoding: .utf8)
    else { return nil }
    // pdftotext ends every page with a form feed.
    var pages = text.components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
      pages.removeLast()
    }
    return pages
  }

  /// The page (from 1) of each lesson and section. A lesson starts a page with its title (the
  /// contents, which name it too, start with "Contents"); a section is on the first page from
  /// its lesson's, or the previous section's, whose text holds its title. Headings not found
  /// are left out.
  static func locate(_ lessons: [ContentsEntry], in pages: [String]) -> [String: Int] {
    let flattened = pages.map(normalized)
    var found: [String: Int] = [:]
    var page = 0
    for lesson in lessons {
      let title = normalized(lesson.title)
      guard let start = (page..<flattened.count).first(where: { flattened[$0].hasPrefix(title) })
      else { continue }
      found[lesson.id] = start + 1
      page = start
      for section in lesson.sections {
        let text = normalized(section.title)
        guard let index = (page..<flattened.count).first(where: { flattened[$0].contains(text) })
        else { continue }
        found[section.id] = index + 1
        page = index
      }
    }
    return found
  }

  private static func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

/// A lesson in the table of contents: its HTML id and title, and its sections'.
struct ContentsEntry {
  let id: String
  let title: String
  let sections: [(id: String, title: String)]
}
