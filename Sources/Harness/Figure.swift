/// A figure a lesson states, computed by code.
///
/// A lesson writes the figure as a link whose target names it, `[208 GB](fig:adam-13b-mixed)`,
/// and the course checks that the link's text is exactly `text`. A lesson and the code can
/// therefore never disagree silently: change either and `make test` names the line.
public struct Figure: Sendable {
  /// The name used in `fig:` links, lower-case words joined by hyphens.
  public let id: String
  /// The figure as the lesson must print it, for example `"208 GB"`.
  public let text: String

  /// Creates a figure from its computed text.
  public init(_ id: String, _ text: String) {
    self.id = id
    self.text = text
  }
}

/// A picture a lesson shows, drawn by code from the formats' descriptions or instrumented runs.
///
/// A lesson asks for one with a fenced block whose info string is `picture <id>`.
public struct Picture: Sendable {
  /// The name used after `picture` in a lesson.
  public let id: String
  /// One sentence saying what the picture shows (alt text and caption).
  public let caption: String
  /// A standalone SVG document.
  public let svg: @Sendable () -> String
  /// A compact rendering for a terminal: block characters or braille, ANSI colour if `color`.
  public let terminal: @Sendable (_ color: Bool) -> String

  /// Creates a picture from its two renderings.
  public init(
    _ id: String, caption: String, svg: @escaping @Sendable () -> String,
    terminal: @escaping @Sendable (_ color: Bool) -> String
  ) {
    self.id = id
    self.caption = caption
    self.svg = svg
    self.terminal = terminal
  }
}

/// A picture drawn by one type's static functions, which also name and caption it, so that a
/// picture's words stay in the file that draws it.
public protocol PictureDrawing: Sendable {
  /// The name used after `picture` in a lesson.
  static var id: String { get }
  /// One sentence saying what the picture shows (alt text and caption).
  static var caption: String { get }
  /// A standalone SVG document.
  static func svg() -> String
  /// A compact rendering for a terminal: block characters or braille, ANSI colour if `color`.
  static func terminal(color: Bool) -> String
}

extension Picture {
  /// The picture `drawing` names, captions and draws.
  public init<Drawing: PictureDrawing>(drawnBy drawing: Drawing.Type) {
    self.init(
      drawing.id, caption: drawing.caption, svg: { Drawing.svg() },
      terminal: { Drawing.terminal(color: $0) })
  }
}
