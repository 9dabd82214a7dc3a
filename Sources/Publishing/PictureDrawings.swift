import Figures
import Harness
import Markdown

/// The pictures a handout shows, each looked up in its lesson's topic and drawn at most once
/// per rendering, however many pages show it (a lesson's page and the whole course's), from
/// whichever thread renders the lesson.
final class PictureDrawings: Sendable {
  private let svgs = OnceCache()
  private let texts = OnceCache()

  /// The picture `id` of the lesson named `lesson`.
  func picture(_ id: String, in lesson: String) -> Picture? {
    Registry.picture(id, in: lesson)
  }

  /// The picture's SVG document.
  func svg(_ picture: Picture) -> String {
    svgs.text(picture.id) { picture.svg() }
  }

  /// The picture's plain terminal drawing.
  func text(_ picture: Picture) -> String {
    texts.text(picture.id) { picture.terminal(false) }
  }

  /// What `DocumentRenderer` shows for picture `id` in `format`: only the drawing the format
  /// reads (the SVG for HTML and LaTeX, the text for man and CommonMark), the other left empty.
  func drawing(_ id: String, in lesson: String, for format: MarkdownFormat)
    -> (caption: String, svg: String, text: String)?
  {
    guard let picture = picture(id, in: lesson) else { return nil }
    switch format {
    case .html, .latex: return (picture.caption, svg(picture), "")
    case .man, .commonmark: return (picture.caption, "", text(picture))
    }
  }
}
