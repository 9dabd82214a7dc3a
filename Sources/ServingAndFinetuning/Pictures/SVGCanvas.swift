/// A minimal SVG writer for the topic's pictures: standalone documents, inline styles only.
struct SVGCanvas {
  let width: Double
  let height: Double
  private var elements: [String] = []

  init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1
  ) {
    elements.append(
      "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(height))\" fill=\"\(fill)\" fill-opacity=\"\(f(opacity))\"/>"
    )
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    dashed: Bool = false
  ) {
    let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
    elements.append(
      "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\"\(dash)/>"
    )
  }

  mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 1.5) {
    let list = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
    elements.append(
      "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\" stroke-linejoin=\"round\"/>"
    )
  }

  mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    fill: String = "#222"
  ) {
    elements.append(
      "<text x=\"\(f(x))\" y=\"\(f(y))\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"\(f(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\">\(escape(content))</text>"
    )
  }

  /// The finished document, with a title for screen readers.
  func document(title: String) -> String {
    """
    <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" viewBox="0 0 \(f(width)) \(f(height))" role="img">
    <title>\(escape(title))</title>
    <rect x="0" y="0" width="\(f(width))" height="\(f(height))" fill="#ffffff"/>
    \(elements.joined(separator: "\n"))
    </svg>
    """
  }

  private func f(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  private func escape(_ text: String) -> String {
    text.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(
      ">", with: "&gt;")
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self { result += character == target ? replacement : String(character) }
    return result
  }
}
