/// A minimal writer of standalone SVG documents: inline attributes only, no external
/// references, so a picture can be embedded in HTML or converted for a printed handout.
struct SVG {
  let width: Int
  let height: Int
  private var elements: [String] = []

  init(width: Int, height: Int) {
    self.width = width
    self.height = height
  }

  /// A rectangle.
  mutating func rect(
    x: Int, y: Int, width: Int, height: Int, fill: String, stroke: String? = nil
  ) {
    let outline = stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? ""
    elements.append(
      "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(width)\" height=\"\(height)\" fill=\"\(fill)\""
        + outline + "/>")
  }

  /// A straight line.
  mutating func line(x1: Int, y1: Int, x2: Int, y2: Int, stroke: String, dashed: Bool = false) {
    let dash = dashed ? " stroke-dasharray=\"3,3\"" : ""
    elements.append(
      "<line x1=\"\(x1)\" y1=\"\(y1)\" x2=\"\(x2)\" y2=\"\(y2)\" stroke=\"\(stroke)\""
        + " stroke-width=\"1\"\(dash)/>")
  }

  /// A line of text; `anchor` is start, middle or end.
  mutating func text(
    x: Int, y: Int, _ content: String, size: Int, anchor: String = "start",
    weight: String = "normal", color: String = "#111111"
  ) {
    elements.append(
      "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\" text-anchor=\"\(anchor)\""
        + " font-weight=\"\(weight)\" fill=\"\(color)\">\(Self.escape(content))</text>")
  }

  /// The whole document.
  var document: String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\""
      + " viewBox=\"0 0 \(width) \(height)\" font-family=\"DejaVu Sans Mono, Menlo, monospace\">"
      + "\n<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
      + elements.joined(separator: "\n") + "\n</svg>\n"
  }

  /// Text with XML's special characters escaped.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      default: escaped.append(character)
      }
    }
    return escaped
  }
}
