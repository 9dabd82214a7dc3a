import Course
import Foundation
import Markdown

/// The course as a static website: an index, a page per lesson with a sidebar of every lesson
/// and section, previous and next links, and a search box over every section.
///
/// Everything is relative links and local files (the search index is a script, not fetched
/// JSON), so the folder works as published (GitHub Pages, a university web folder) and opened
/// from disk alike. The student edition (`answers` false) holds no answer and no solution,
/// in its pages or its search index.
struct SiteBuilder {
  /// The handout builder whose course, edition and renderer the site uses.
  let builder: HandoutBuilder

  private var course: Course { builder.course }

  /// Every file of the site, by path relative to its folder.
  func files() -> [(name: String, data: Data)] {
    var files: [(String, Data)] = [
      ("index.html", Data(indexPage().utf8)),
      ("site.css", Data((HandoutStyle.css + "\n" + SiteAssets.css).utf8)),
      ("search.js", Data(SiteAssets.searchScript.utf8)),
      ("search-index.js", Data(searchIndex().utf8)),
    ]
    for (index, lesson) in course.lessons.enumerated() {
      files.append(("\(lesson.name).html", Data(lessonPage(lesson, at: index).utf8)))
    }
    return files
  }

  /// The page of one lesson, with links to its neighbours.
  func lessonPage(_ lesson: Lesson, at index: Int) -> String {
    let lessons = course.lessons
    let previous = index > 0 ? lessons[index - 1] : nil
    let next = index + 1 < lessons.count ? lessons[index + 1] : nil
    let pager =
      "<nav class=\"pager\">"
      + (previous.map { "<a rel=\"prev\" href=\"\($0.name).html\">← \(escapeHTML($0.title))</a>" }
        ?? "<a rel=\"prev\" href=\"index.html\">← Contents</a>")
      + (next.map { "<a rel=\"next\" href=\"\($0.name).html\">\(escapeHTML($0.title)) →</a>" } ?? "")
      + "</nav>"
    let article =
      "<article class=\"lesson\" id=\"\(lesson.name)\">\n\(builder.render(lesson, as: .html, foldingAnswers: true))</article>"
    return page(title: lesson.title, current: lesson.name, main: article + "\n" + pager)
  }

  /// The front page: the course's introduction and its lessons.
  func indexPage() -> String {
    let introduction = MarkdownRenderer.render(
      MarkdownNode(.document, children: course.introduction), as: .html)
    let lessons = course.lessons.map {
      "<li><a href=\"\($0.name).html\">\(escapeHTML($0.title))</a></li>"
    }.joined()
    let edition = builder.answers ? "Answer key" : "Student edition"
    let main = """
      <h1>\(escapeHTML(course.title))</h1>
      <p class="edition">\(edition)</p>
      \(introduction)
      <h2>Lessons</h2><ol class="lessons">\(lessons)</ol>
      <nav class="pager"><span></span>\(course.lessons.first.map { "<a rel=\"next\" href=\"\($0.name).html\">\(escapeHTML($0.title)) →</a>" } ?? "")</nav>
      """
    return page(title: course.title, current: nil, main: main)
  }

  private func page(title: String, current: String?, main: String) -> String {
    builder.htmlHead(title: title) + """
      <link rel="stylesheet" href="site.css">
      </head>
      <body class="site">
      <header class="site-header"><a class="home" href="index.html">\(escapeHTML(course.title))</a>
      <form class="search" role="search" onsubmit="return false"><input id="search" type="search" placeholder="Search the course" aria-label="Search the course" autocomplete="off"></form>
      <ol id="search-results" hidden></ol></header>
      <div class="site-body">
      \(sidebar(current: current))
      <main>
      \(main)
      </main>
      </div>
      <script src="search-index.js"></script>
      <script src="search.js"></script>
      </body>
      </html>

      """
  }

  /// Every lesson and its sections; the current lesson marked.
  private func sidebar(current: String?) -> String {
    let items = course.lessons.map { lesson in
      let sections = lesson.sections.map {
        let id = DocumentRenderer.anchor(lesson: lesson.name, section: $0.title)
        return "<li><a href=\"\(lesson.name).html#\(id)\">\(escapeHTML($0.title))</a></li>"
      }.joined()
      let mark = lesson.name == current ? " class=\"current\" aria-current=\"page\"" : ""
      return
        "<li\(mark)><a href=\"\(lesson.name).html\">\(escapeHTML(lesson.title))</a><ol>\(sections)</ol></li>"
    }
    return "<nav class=\"sidebar\"><ol>\(items.joined())</ol></nav>"
  }

  /// One entry per section: where it is, its titles, and the words the page shows there.
  struct SearchEntry: Encodable {
    let url: String
    let lesson: String
    let section: String
    let text: String
  }

  /// The search index, as a script that sets `WORKBOOK_SEARCH` (a page opened from disk may
  /// not fetch a JSON file, but it may load a script).
  func searchIndex() -> String {
    var entries: [SearchEntry] = []
    for lesson in course.lessons {
      entries.append(
        SearchEntry(
          url: "\(lesson.name).html", lesson: lesson.title, section: lesson.title,
          text: lesson.introduction.map { searchText($0, in: lesson) }.joined(separator: " ")))
      for section in lesson.sections {
        let id = DocumentRenderer.anchor(lesson: lesson.name, section: section.title)
        entries.append(
          SearchEntry(
            url: "\(lesson.name).html#\(id)", lesson: lesson.title, section: section.title,
            text: section.blocks.map { searchText($0, in: lesson) }.joined(separator: " ")))
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    return "window.WORKBOOK_SEARCH = \(json);\n"
  }

  /// The words a block shows on the page of this edition: never an answer in the student's.
  private func searchText(_ block: LessonBlock, in lesson: Lesson) -> String {
    let text: String
    switch block {
    case .markdown(let node): text = node.plainText
    case .exercise(let exercise):
      text = ([exercise.name, exercise.summary.plainText] + exercise.hints.map(\.plainText))
        .joined(separator: " ")
    case .question(let question):
      text = question.prompt.plainText + (builder.answers ? " " + question.answer.plainText : "")
    case .callout(let callout): text = callout.body.plainText
    case .errata(let errata):
      text = [errata.notes, errata.correct, errata.why].map(\.plainText).joined(separator: " ")
    case .table(let table):
      text = (table.header + table.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
    case .picture(let reference):
      text = builder.drawings.picture(reference.id, in: lesson.name)?.caption ?? ""
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
