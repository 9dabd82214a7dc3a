import Course
import Foundation
import LearnerWorkspace
import Markdown

extension HandoutBuilder {
  /// A LaTeX document for LuaLaTeX. The lessons write mathematics and draw bars in Unicode, so
  /// the document sets DejaVu fonts, which have every glyph they use; the pictures are included
  /// from `pictures/<id>.pdf`, written beside the document.
  public func latexDocument(title: String, lessons: [Lesson]) -> String {
    let body = lessons.map { render($0, as: .latex) }.joined(separator: "\n\\clearpage\n")
    let front = lessons.count > 1 ? "\\maketitle\n\\tableofcontents\n\\clearpage" : "\\maketitle"
    return """
      % Compile with lualatex (Debian: texlive-luatex, texlive-latex-recommended, fonts-dejavu).
      \\documentclass[11pt,a4paper]{article}
      \\usepackage{fontspec}
      \\setmainfont{DejaVu Serif}
      \\setsansfont{DejaVu Sans}
      \\setmonofont{DejaVu Sans Mono}
      \\usepackage[margin=22mm]{geometry}
      \\usepackage{graphicx}
      \\usepackage{tabularx}
      \\usepackage{pdflscape}
      \\usepackage[hidelinks]{hyperref}
      \\setlength{\\parindent}{0pt}
      \\setlength{\\parskip}{0.5\\baselineskip}
      \\makeatletter
      % Code prints in 9 pt: 86 columns of DejaVu Sans Mono fit the 166 mm line.
      \\renewcommand{\\verbatim@font}{\\normalfont\\ttfamily\\footnotesize}
      \\makeatother
      \\newlength{\\workbookpicturewidth}
      % \\workbookpicture{file}{width at which its labels are 8 pt}{caption}: as wide as the
      % labels need; a picture wider than the line gets a landscape page of its own.
      \\newcommand{\\workbookpicture}[3]{%
        \\setlength{\\workbookpicturewidth}{#2}%
        \\ifdim\\workbookpicturewidth>\\linewidth
          \\begin{landscape}\\centering
          \\ifdim\\workbookpicturewidth>\\linewidth\\setlength{\\workbookpicturewidth}{\\linewidth}\\fi
          \\includegraphics[width=\\workbookpicturewidth]{#1}\\par\\medskip{\\small\\emph{#3}}
          \\end{landscape}%
        \\else
          \\begin{center}\\includegraphics[width=\\workbookpicturewidth]{#1}\\par
          \\smallskip{\\small\\emph{#3}}\\end{center}%
        \\fi}
      \\title{\(escapeLaTeX(title))\(answers ? " (answer key)" : "")}
      \\date{}
      \\begin{document}
      \(front)
      \(body)
      \\end{document}

      """
  }

  /// Every picture the lessons show, as `pictures/<id>.pdf`, converted from its SVG with
  /// rsvg-convert (Debian: librsvg2-bin).
  func latexPictures(_ lessons: [Lesson]) throws -> [(name: String, data: Data)] {
    let ids = lessons.flatMap { lesson in
      lesson.blocks.compactMap { block -> (lesson: String, id: String)? in
        if case .picture(let reference) = block { return (lesson.name, reference.id) }
        return nil
      }
    }
    guard !ids.isEmpty else { return [] }
    guard let converter = PDFPrinter.which("rsvg-convert") else {
      throw WorkbookError(
        "LaTeX handouts include the pictures as PDF, made with rsvg-convert; install it: sudo apt-get install librsvg2-bin"
      )
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pictures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var seen = Set<String>()
    return try ids.filter { seen.insert($0.id).inserted }.compactMap { lesson, id in
      guard let picture = drawings.picture(id, in: lesson) else { return nil }
      let svg = folder.appendingPathComponent("\(id).svg")
      let pdf = folder.appendingPathComponent("\(id).pdf")
      try Data(drawings.svg(picture).utf8).write(to: svg)
      let result = runCommand([converter, "-f", "pdf", "-o", pdf.path, svg.path], in: folder)
      guard result.status == 0, let data = FileManager.default.contents(atPath: pdf.path) else {
        throw WorkbookError("rsvg-convert could not convert picture \(id): \(result.output)")
      }
      return ("pictures/\(id).pdf", data)
    }
  }
}
