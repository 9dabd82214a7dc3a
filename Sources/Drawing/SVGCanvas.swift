import Units

/// A writer of standalone SVG documents for the course's pictures: inline paint only and no
/// external references, so a picture can be embedded in HTML or converted for a printed handout.
///
/// ```swift
/// var canvas = SVGCanvas(width: 200, height: 40, style: .helvetica)
/// canvas.rect(x: 10, y: 10, width: 50, height: 20, fill: "#4a7ab5")
/// canvas.text("fp16", x: 70, y: 25)
/// let svg = canvas.document(title: "One box")
/// ```
///
/// Coordinates are rounded to the style's decimals; text is escaped for XML.
public struct SVGCanvas {
  /// The document's width in pixels.
  public let width: Double
  /// The document's height in pixels.
  public let height: Double
  /// How elements are written.
  public let style: SVGStyle
  private var elements: [String] = []

  /// An empty canvas on a white background.
  public init(width: Double, height: Double, style: SVGStyle) {
    self.width = width
    self.height = height
    self.style = style
  }

  /// A rectangle; `radius` rounds its corners, `stroke` outlines it, dashed when `dashed`.
  public mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double? = nil,
    stroke: String? = nil, dashed: Bool = false, radius: Double = 0
  ) {
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(width))\" height=\"\(n(height))\""
    let rounded = radius > 0 ? " rx=\"\(n(radius))\"" : ""
    switch style.paint {
    case .attributes:
      if style.radiusBeforeFill { attributes += rounded }
      attributes += " fill=\"\(fill)\""
      if let opacity = opacity ?? (style.rectangleOpacity ? 1 : nil) {
        attributes += " fill-opacity=\"\(fraction(opacity))\""
      }
      if !style.radiusBeforeFill { attributes += rounded }
      if let stroke {
        attributes += " stroke=\"\(stroke)\" stroke-width=\"\(n(style.outlineWidth))\""
      }
      if dashed { attributes += " stroke-dasharray=\"\(style.rectangleDash)\"" }
    case .css:
      var paint = ["fill:\(fill)"]
      if let opacity { paint.append("fill-opacity:\(fraction(opacity))") }
      paint += ["stroke:\(stroke ?? "none")", "stroke-width:\(n(style.outlineWidth))"]
      if dashed { paint.append("stroke-dasharray:\(style.rectangleDash)") }
      attributes += rounded + " style=\"\(paint.joined(separator: ";"))\""
    }
    elements.append("<rect \(attributes)/>")
  }

  /// A straight line, in the style's stroke and width unless given.
  public mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String? = nil, width: Double? = nil,
    dashed: Bool = false
  ) {
    let stroke = stroke ?? style.lineStroke
    let position = "x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\""
    switch style.paint {
    case .attributes:
      var paint = " stroke=\"\(stroke)\""
      if let width = width ?? style.lineWidth { paint += " stroke-width=\"\(n(width))\"" }
      if dashed { paint += " stroke-dasharray=\"\(style.lineDash)\"" }
      elements.append("<line \(position)\(paint)/>")
    case .css:
      var paint = ["stroke:\(stroke)"]
      if let width = width ?? style.lineWidth { paint.append("stroke-width:\(n(width))") }
      if dashed { paint.append("stroke-dasharray:\(style.lineDash)") }
      elements.append("<line \(position) style=\"\(paint.joined(separator: ";"))\"/>")
    }
  }

  /// An open path through `points` (x, y), 1.5 wide unless given, with round joins.
  public mutating func polyline(
    _ points: [(Double, Double)], stroke: String, width: Double = 1.5, fill: String = "none"
  ) {
    switch style.paint {
    case .attributes:
      elements.append(
        "<polyline points=\"\(list(points))\" fill=\"\(fill)\" stroke=\"\(stroke)\" "
          + "stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"/>")
    case .css:
      elements.append(
        "<polyline points=\"\(list(points))\" "
          + "style=\"fill:\(fill);stroke:\(stroke);stroke-width:\(n(width))\"/>")
    }
  }

  /// A closed, filled shape through `points` (x, y), optionally translucent and outlined.
  public mutating func polygon(
    _ points: [(Double, Double)], fill: String, opacity: Double? = nil, stroke: String? = nil,
    strokeWidth: Double = 1
  ) {
    var paint = [("fill", fill)]
    if let opacity { paint.append(("fill-opacity", fraction(opacity))) }
    if let stroke { paint += [("stroke", stroke), ("stroke-width", n(strokeWidth))] }
    switch style.paint {
    case .attributes:
      let written = paint.map { " \($0.0)=\"\($0.1)\"" }.joined()
      elements.append("<polygon points=\"\(list(points))\"\(written)/>")
    case .css:
      let written = paint.map { "\($0.0):\($0.1)" }.joined(separator: ";")
      elements.append("<polygon points=\"\(list(points))\" style=\"\(written)\"/>")
    }
  }

  /// A line with an arrowhead at its end, drawn as a polygon (no markers to resolve).
  public mutating func arrow(x1: Double, y1: Double, x2: Double, y2: Double, color: String? = nil) {
    let color = color ?? style.lineStroke
    line(x1: x1, y1: y1, x2: x2, y2: y2, stroke: color)
    let dx = x2 - x1
    let dy = y2 - y1
    let length = max((dx * dx + dy * dy).squareRoot(), 0.001)
    let (ux, uy) = (dx / length, dy / length)
    let (bx, by) = (x2 - 8 * ux, y2 - 8 * uy)
    polygon([(x2, y2), (bx - 4 * uy, by + 4 * ux), (bx + 4 * uy, by - 4 * ux)], fill: color)
  }

  /// A line of text; `anchor` is start, middle or end.
  public mutating func text(
    _ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
    fill: String? = nil, bold: Bool = false, italic: Bool = false
  ) {
    let fill = fill ?? style.textFill
    var attributes = "x=\"\(n(x))\" y=\"\(n(y))\""
    switch style.text {
    case .attributes(let font, let weight):
      let written = " font-weight=\"\(bold ? "bold" : "normal")\""
      if let font { attributes += " font-family=\"\(font)\"" }
      attributes += " font-size=\"\(n(size))\""
      if weight == .beforeAnchor || (weight == .whenBold && bold) { attributes += written }
      attributes += " text-anchor=\"\(anchor)\""
      if weight == .afterAnchor { attributes += written }
      attributes += " fill=\"\(fill)\""
      if italic { attributes += " font-style=\"italic\"" }
    case .css(let font, let anchorInStyle):
      var css = "font-family:\(font);font-size:\(n(size))px;fill:\(fill)"
      if anchorInStyle {
        css += ";text-anchor:\(anchor)"
      } else {
        attributes += " text-anchor=\"\(anchor)\""
      }
      if bold { css += ";font-weight:bold" }
      if italic { css += ";font-style:italic" }
      attributes += " style=\"\(css)\""
    }
    elements.append("<text \(attributes)>\(Self.escaped(content))</text>")
  }

  /// The finished document; a `title` makes it an image with that accessible name.
  public func document(title: String? = nil) -> String {
    var opening =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" "
      + "viewBox=\"0 0 \(n(width)) \(n(height))\""
    if let font = style.documentFont { opening += " font-family=\"\(font)\"" }
    if title != nil { opening += " role=\"img\"" }
    var lines = [opening + ">"]
    if let title { lines.append("<title>\(Self.escaped(title))</title>") }
    let size = "x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\""
    switch style.paint {
    case .attributes: lines.append("<rect \(size) fill=\"#ffffff\"/>")
    case .css: lines.append("<rect \(size) style=\"fill:#ffffff\"/>")
    }
    let text = (lines + elements + ["</svg>"]).joined(separator: "\n")
    return style.finalNewline ? text + "\n" : text
  }

  /// Text with XML's special characters escaped.
  public static func escaped(_ text: String) -> String {
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

  private func n(_ value: Double) -> String {
    ByteFormatting.trimmed(value, decimals: style.decimals)
  }

  /// An opacity, with two decimals whatever the style's precision for coordinates.
  private func fraction(_ value: Double) -> String {
    ByteFormatting.trimmed(value, decimals: 2)
  }

  private func list(_ points: [(Double, Double)]) -> String {
    points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
  }
}
