import Course
import Foundation
import Markdown

/// The formats `workbook handout` writes.
public enum HandoutFormat: String, CaseIterable, Sendable {
  case html
  case pdf
  case latex
  case man
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
    switch format {
    case .html:
      outputs = lessons.map {
        ("\($0.name)\(suffix).html", Data(htmlPage(title: $0.title, lessons: [$0]).utf8))
      }
      if whole {
        outputs.append(
          (
            "Course\(suffix).html",
            Data(htmlPage(title: course.title, lessons: course.lessons).utf8)
          ))
      }
    case .pdf:
      let printer = try PDFPrinter.find()
      var sources = lessons.map {
        ("\($0.name)\(suffix).pdf", htmlPage(title: $0.title, lessons: [$0]))
      }
      if whole {
        sources.append(
          ("Course\(suffix).pdf", htmlPage(title: course.title, lessons: course.lessons)))
      }
      outputs = try sources.map { ($0.0, try printer.print(html: $0.1)) }
    case .latex:
      outputs = lessons.map {
        ("\($0.name)\(suffix).tex", Data(latexDocument(title: $0.title, lessons: [$0]).utf8))
      }
      if whole {
        outputs.append(
          (
            "Course\(suffix).tex",
            Data(latexDocument(title: course.title, lessons: course.lessons).utf8)
          ))
      }
    case .man:
      outputs = lessons.map { ("\($0.name.lowercased())\(suffix).7", Data(manPage($0).utf8)) }
    }
    for output in outputs {
      try manifest.checkWritable(output.name, force: force)
    }
    var written: [URL] = []
    for output in outputs {
      let url = folder.appendingPathComponent(output.name)
      try AtomicFile.write(output.data, to: url)
      manifest.record(output.name, output.data)
      written.append(url)
    }
    try manifest.save()
    return written
  }

  private func renderer(_ format: MarkdownFormat) -> DocumentRenderer {
    DocumentRenderer(
      format: format, answers: answers,
      picture: { id in
        Registry.picture(id).map { ($0.caption, $0.svg(), $0.terminal(false)) }
      },
      exerciseCode: { exercise in
        let stub = CourseLoader.read(workspace.root, exercise.file)
        let solution =
          answers
          ? CourseLoader.read(workspace.root, "Solutions/\(exercise.lesson)/\(exercise.name).swift")
          : nil
        return (stub, solution)
      })
  }

  /// A self-contained HTML page: inline CSS and pictures, nothing fetched from the network.
  public func htmlPage(title: String, lessons: [Lesson]) -> String {
    let html = renderer(.html)
    let articles = lessons.map {
      "<article class=\"lesson\" id=\"\($0.name)\">\n\(html.render($0))</article>"
    }
    let contents =
      lessons.count > 1
      ? "<nav class=\"contents\"><h2>Contents</h2><ol>"
        + lessons.map { "<li><a href=\"#\($0.name)\">\(escapeHTML($0.title))</a></li>" }.joined()
        + "</ol></nav>\n"
      : ""
    let edition = answers ? " (answer key)" : ""
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escapeHTML(title + edition))</title>
      <style>
      \(HandoutStyle.css)
      </style>
      </head>
      <body>
      \(contents)\(articles.joined(separator: "\n"))
      </body>
      </html>

      """
  }

  /// A LaTeX document for LuaLaTeX or XeLaTeX (the lessons use Unicode mathematics).
  public func latexDocument(title: String, lessons: [Lesson]) -> String {
    let latex = renderer(.latex)
    let body = lessons.map { latex.render($0) }.joined(separator: "\n\\clearpage\n")
    return """
      % Compile with lualatex or xelatex: the lessons write mathematics in Unicode.
      \\documentclass[11pt]{article}
      \\usepackage{fontspec}
      \\usepackage[margin=2.2cm]{geometry}
      \\usepackage{hyperref}
      \\usepackage{graphicx}
      \\title{\(title)\(answers ? " (answer key)" : "")}
      \\date{}
      \\begin{document}
      \\maketitle
      \(body)
      \\end{document}

      """
  }

  /// A man page in section 7 (miscellanea), as `man ./numberformats.7` reads it.
  public func manPage(_ lesson: Lesson) -> String {
    let name = lesson.name.lowercased()
    return ".TH \(name.uppercased()) 7 \"\" \"workbook\" \"Memory in ML systems\"\n"
      + renderer(.man).render(lesson)
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
  func checkWritable(_ name: String, force: Bool) throws {
    let path = folder.appendingPathComponent(name).path
    guard !force, let existing = FileManager.default.contents(atPath: path) else { return }
    if hashes[name] != fnv1a(existing) {
      throw WorkbookError(
        "\(path) exists and was not written by workbook handout (or was edited since); use --force to replace it"
      )
    }
  }

  mutating func record(_ name: String, _ data: Data) {
    hashes[name] = fnv1a(data)
  }

  func save() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try AtomicFile.write(try encoder.encode(hashes), to: url)
  }
}

/// A 64-bit FNV-1a hash: enough to tell whether a file changed since we wrote it.
func fnv1a(_ data: Data) -> UInt64 {
  var hash: UInt64 = 0xcbf2_9ce4_8422_2325
  for byte in data {
    hash ^= UInt64(byte)
    hash = hash &* 0x100_0000_01b3
  }
  return hash
}
