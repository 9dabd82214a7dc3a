import Course
import Foundation
import LearnerWorkspace
import Markdown

/// The formats `workbook handout` writes.
public enum HandoutFormat: String, CaseIterable, Sendable {
  case html
  case pdf
  case latex
  case man
  /// A static website: a page per lesson, a sidebar, and a search box.
  case site
}

/// Writes lesson handouts: one file per lesson plus one for the whole course.
///
/// Files are written atomically, and a file already in the output folder is replaced only if
/// the handout tool wrote it before and nobody changed it since (or with `force`): the folder
/// keeps a small manifest of what it wrote.
public struct HandoutBuilder {
  /// The workbook.
  public let workspace: Workspace
  /// The course.
  public let course: Course
  /// Whether to include solutions and answers (the answer key).
  public let answers: Bool
  /// The pictures drawn so far.
  let drawings = PictureDrawings()
  /// The lessons rendered so far, by name, format and answer folding: `handout --all` shows
  /// each on its own page and again in the whole course's.
  private let renderings = OnceCache()

  /// Creates a builder.
  public init(workspace: Workspace, course: Course, answers: Bool) {
    self.workspace = workspace
    self.course = course
    self.answers = answers
  }

  /// Writes handouts of `lessons` (and of the whole course when `whole`) in `format` to
  /// `folder`, returning the files written.
  public func write(
    _ lessons: [Lesson], whole: Bool, format: HandoutFormat, to folder: URL, force: Bool
  ) throws -> [URL] {
    var manifest = HandoutManifest(folder: folder)
    var outputs: [(name: String, data: Data)] = []
    let suffix = answers ? "-answers" : ""
    let shown = whole ? course.lessons : lessons
    switch format {
    case .html:
      renderAhead(shown, as: .html)
      outputs = documents(lessons, whole: whole, suffix: suffix + ".html") {
        htmlPage(title: $0, lessons: $1)
      }
    case .pdf:
      let printer = try PDFPrinter.find()
      outputs = try lessons.map {
        (
          "\($0.name)\(suffix).pdf",
          try printer.print(html: htmlPage(title: $0.title, lessons: [$0]))
        )
      }
      if whole {
        outputs.append(("Course\(suffix).pdf", try coursePDF(printer)))
      }
    case .latex:
      renderAhead(shown, as: .latex)
      outputs = documents(lessons, whole: whole, suffix: suffix + ".tex") {
        latexDocument(title: $0, lessons: $1)
      }
      outputs += try latexPictures(lessons)
    case .man:
      renderAhead(shown, as: .man)
      outputs = lessons.map { ("\($0.name.lowercased())\(suffix).7", Data(manPage($0).utf8)) }
      if whole { outputs.append(("course\(suffix).7", Data(courseManPage().utf8))) }
    case .site:
      outputs = SiteBuilder(builder: self).files()
    }
    var current: Set<String> = []
    for output in outputs {
      if try manifest.checkWritable(output.name, output.data, force: force) {
        current.insert(output.name)
      }
    }
    var written: [URL] = []
    for output in outputs {
      let url = folder.appendingPathComponent(output.name)
      // A handout can be made again at any time, so it is not flushed to disk; one that already
      // holds these bytes is left alone, as `make` leaves an up-to-date target.
      if !current.contains(output.name) {
        try AtomicFile.write(output.data, to: url, durable: false)
        manifest.record(output.name, output.data)
      }
      written.append(url)
    }
    if current.count < outputs.count { try manifest.save() }
    return written
  }

  /// A document per lesson, `<name><suffix>`, and `Course<suffix>` for the whole course when
  /// `whole`, each made by `document` from its title and its lessons.
  private func documents(
    _ lessons: [Lesson], whole: Bool, suffix: String, _ document: (String, [Lesson]) -> String
  ) -> [(name: String, data: Data)] {
    var outputs = lessons.map { ($0.name + suffix, Data(document($0.title, [$0]).utf8)) }
    if whole {
      outputs.append(("Course" + suffix, Data(document(course.title, course.lessons).utf8)))
    }
    return outputs
  }

  /// Renders `lessons` in `format` side by side, a lesson per thread, into the renderings the
  /// pages are then put together from: a lesson's rendering (its pictures drawn, its exercises
  /// read) is independent of every other's.
  private func renderAhead(_ lessons: [Lesson], as format: MarkdownFormat) {
    DispatchQueue.concurrentPerform(iterations: lessons.count) { index in
      _ = render(lessons[index], as: format)
    }
  }

  /// `lesson` in `format`, its pictures drawn from its topic's, each once per handout however
  /// many pages show it.
  func render(_ lesson: Lesson, as format: MarkdownFormat, foldingAnswers: Bool = false) -> String {
    renderings.text("\(lesson.name) \(format.rawValue) \(foldingAnswers)") {
      renderOnce(lesson, as: format, foldingAnswers: foldingAnswers)
    }
  }

  private func renderOnce(_ lesson: Lesson, as format: MarkdownFormat, foldingAnswers: Bool)
    -> String
  {
    var renderer = DocumentRenderer(
      format: format, answers: answers,
      picture: { [drawings] id in drawings.drawing(id, in: lesson.name, for: format) },
      exerciseCode: { exercise in
        let stub = CourseLoader.read(workspace.root, exercise.file)
        let solution =
          answers
          ? CourseLoader.read(workspace.root, "Solutions/\(exercise.lesson)/\(exercise.name).swift")
          : nil
        return (stub, solution)
      })
    renderer.foldsAnswers = foldingAnswers
    return renderer.render(lesson)
  }

  /// A self-contained HTML page: inline CSS and pictures, nothing fetched from the network.
  /// A page of several lessons opens with a title page and a table of contents; `pages` gives
  /// the printed page of each lesson and section (by HTML id) when they are known.
  public func htmlPage(title: String, lessons: [Lesson], pages: [String: Int] = [:]) -> String {
    let articles = lessons.map {
      "<article class=\"lesson\" id=\"\($0.name)\">\n\(render($0, as: .html))</article>"
    }
    let front = lessons.count > 1 ? titlePage(title) + contents(lessons, pages: pages) : ""
    return htmlHead(title: title) + """
      <style>
      \(HandoutStyle.css)
      </style>
      </head>
      <body>
      \(front)\(articles.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// An HTML page's opening up to its title, which names the edition: the handouts' and the
  /// website's pages add their style after it.
  func htmlHead(title: String) -> String {
    let edition = answers ? " (answer key)" : ""
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escapeHTML(title + edition))</title>

      """
  }

  /// The course's title page: its title, the edition, and the introduction of Course.md.
  private func titlePage(_ title: String) -> String {
    let introduction = MarkdownRenderer.render(
      MarkdownNode(.document, children: course.introduction), as: .html)
    return """
      <header class="title-page"><h1>\(escapeHTML(title))</h1>
      <p class="edition">\(answers ? "Answer key" : "Student edition")</p>
      \(introduction)</header>

      """
  }

  /// The table of contents: each lesson and its sections, linked, with printed page numbers
  /// when `pages` has them.
  private func contents(_ lessons: [Lesson], pages: [String: Int]) -> String {
    func entry(_ id: String, _ text: String) -> String {
      let page = pages[id].map { "<span class=\"toc-page\">\($0)</span>" } ?? ""
      return "<a href=\"#\(id)\">\(escapeHTML(text))</a>\(page)"
    }
    let items = lessons.map { lesson in
      let sections = lesson.sections.map {
        "<li>" + entry(DocumentRenderer.anchor(lesson: lesson.name, section: $0.title), $0.title)
          + "</li>"
      }
      return "<li>\(entry(lesson.name, lesson.title))<ol>\(sections.joined())</ol></li>"
    }
    return "<nav class=\"contents\"><h2>Contents</h2><ol>\(items.joined())</ol></nav>\n"
  }

  /// What the table of contents lists: each lesson and its sections, with their HTML ids.
  func contentsEntries(_ lessons: [Lesson]) -> [ContentsEntry] {
    lessons.map { lesson in
      ContentsEntry(
        id: lesson.name, title: lesson.title,
        sections: lesson.sections.map {
          (DocumentRenderer.anchor(lesson: lesson.name, section: $0.title), $0.title)
        })
    }
  }

  /// The course as a PDF whose table of contents gives page numbers: printed once, the page
  /// of each lesson and section read back from the PDF's text, then printed with them.
  func coursePDF(_ printer: PDFPrinter) throws -> Data {
    let first = try printer.print(html: htmlPage(title: course.title, lessons: course.lessons))
    guard let pageTexts = PDFText.pages(of: first) else { return first }
    let pages = PDFText.locate(contentsEntries(course.lessons), in: pageTexts)
    return try printer.print(
      html: htmlPage(title: course.title, lessons: course.lessons, pages: pages))
  }

  /// The whole course as one man page in section 7, as `man -l course.7` reads it: the course's
  /// introduction, then every lesson under its own title.
  public func courseManPage() -> String {
    let introduction = MarkdownRenderer.render(
      MarkdownNode(.document, children: course.introduction), as: .man)
    return ".TH COURSE 7 \"\" \"workbook\" \"Memory in ML systems\"\n"
      + ".SH NAME\ncourse \\- \(course.title.replacingOccurrences(of: "\\", with: "\\e"))\n"
      + introduction + course.lessons.map { render($0, as: .man) }.joined()
  }

  /// A man page in section 7 (miscellanea), as `man ./numberformats.7` reads it.
  public func manPage(_ lesson: Lesson) -> String {
    let name = lesson.name.lowercased()
    return ".TH \(name.uppercased()) 7 \"\" \"workbook\" \"Memory in ML systems\"\n"
      + render(lesson, as: .man)
  }
}

/// What the handout tool wrote into a folder, so it never replaces anyone else's file.
struct HandoutManifest {
  let folder: URL
  private var hashes: [String: UInt64]
  private var url: URL { folder.appendingPathComponent(".workbook-handout.json") }

  init(folder: URL) {
    self.folder = folder
    let data = FileManager.default.contents(
      atPath: folder.appendingPathComponent(".workbook-handout.json").path)
    hashes = data.flatMap { try? JSONDecoder().decode([String: UInt64].self, from: $0) } ?? [:]
  }

  /// Throws unless `name` is absent, or is the tool's own unchanged output, or `force` is set.
  /// Returns whether the file is the tool's own and already holds `data`, byte for byte.
  func checkWritable(_ name: String, _ data: Data, force: Bool) throws -> Bool {
    let path = folder.appendingPathComponent(name).path
    guard let existing = FileManager.default.contents(atPath: path) else { return false }
    let ours = hashes[name] == fnv1a(existing)
    if !ours && !force {
      throw WorkbookError(
        "\(path) exists and was not written by workbook handout (or was edited since); use --force to replace it"
      )
    }
    return ours && existing == data
  }

  mutating func record(_ name: String, _ data: Data) {
    hashes[name] = fnv1a(data)
  }

  func save() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(hashes), to: url, durable: false)
  }
}
