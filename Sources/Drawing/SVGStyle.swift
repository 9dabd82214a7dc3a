/// How an `SVGCanvas` writes its elements: the house look of a family of pictures.
///
/// The pictures of the course were drawn in a few looks, and lessons and handouts embed them as
/// they are, so a style records every choice that shows in the bytes: how many decimals a
/// coordinate keeps, whether paint is written as presentation attributes or inline CSS, where
/// the font is named, the default strokes. The presets below are the looks in use.
public struct SVGStyle: Sendable {
  /// How paint (fill, stroke, dashes) is written on shapes.
  public enum Paint: Sendable {
    /// Presentation attributes: `fill="#fff" stroke="#000"`.
    case attributes
    /// One inline `style="fill:#fff;stroke:#000"` attribute.
    case css
  }

  /// Where a text element writes its weight, when written as attributes.
  public enum Weight: Sendable {
    /// `font-weight="bold"` before `text-anchor`, and only for bold text.
    case whenBold
    /// `font-weight` ("normal" or "bold") on every text, before `text-anchor`.
    case beforeAnchor
    /// `font-weight` ("normal" or "bold") on every text, after `text-anchor`.
    case afterAnchor
  }

  /// How a text element is written.
  public enum Text: Sendable {
    /// Presentation attributes: `font-family` (when `font` is set), `font-size`, `text-anchor`,
    /// `fill`, with the weight placed as `weight` says.
    case attributes(font: String?, weight: Weight)
    /// An inline style `font-family:…;font-size:…px;fill:…` followed by the weight and slant;
    /// the anchor goes inside the style when `anchorInStyle`, else before it as an attribute.
    case css(font: String, anchorInStyle: Bool)
  }

  /// Decimals kept in coordinates and lengths (trailing zeros dropped).
  public var decimals: Int
  /// How shapes write their paint.
  public var paint: Paint
  /// How text elements are written.
  public var text: Text
  /// The font named once on the `<svg>` element, if any.
  public var documentFont: String?
  /// The fill of text that names none.
  public var textFill: String
  /// The stroke of lines that name none.
  public var lineStroke: String
  /// The stroke width of lines that name none; nil writes no width.
  public var lineWidth: Double?
  /// The stroke width of outlined rectangles.
  public var outlineWidth: Double
  /// The dash pattern of dashed lines.
  public var lineDash: String
  /// The dash pattern of dashed rectangles.
  public var rectangleDash: String
  /// Whether every rectangle writes its fill opacity, 1 included.
  public var rectangleOpacity: Bool
  /// Whether a rounded rectangle writes `rx` before its fill rather than after it.
  public var radiusBeforeFill: Bool
  /// Whether the document ends with a newline.
  public var finalNewline: Bool

  /// A style from its choices; the defaults are those of `.helvetica`.
  public init(
    decimals: Int = 2, paint: Paint = .attributes,
    text: Text = .attributes(font: "Helvetica, Arial, sans-serif", weight: .whenBold),
    documentFont: String? = nil, textFill: String = "#222", lineStroke: String = "#222",
    lineWidth: Double? = 1, outlineWidth: Double = 1, lineDash: String = "4 3",
    rectangleDash: String = "5 3", rectangleOpacity: Bool = false,
    radiusBeforeFill: Bool = false, finalNewline: Bool = true
  ) {
    self.decimals = decimals
    self.paint = paint
    self.text = text
    self.documentFont = documentFont
    self.textFill = textFill
    self.lineStroke = lineStroke
    self.lineWidth = lineWidth
    self.outlineWidth = outlineWidth
    self.lineDash = lineDash
    self.rectangleDash = rectangleDash
    self.rectangleOpacity = rectangleOpacity
    self.radiusBeforeFill = radiusBeforeFill
    self.finalNewline = finalNewline
  }

  /// Helvetica labels and presentation attributes, every rectangle with its opacity, no final
  /// newline (the histograms and plots of Quantization and ServingAndFinetuning).
  public static let helvetica = SVGStyle(rectangleOpacity: true, finalNewline: false)

  /// Helvetica labels that always state their weight, one decimal, unstroked lines, rounded
  /// rectangles with `rx` first (InferenceMemory's lifetime charts).
  public static let weighted = SVGStyle(
    decimals: 1, text: .attributes(font: "Helvetica, Arial, sans-serif", weight: .beforeAnchor),
    lineWidth: nil, radiusBeforeFill: true)

  /// Labels styled inline with the anchor as an attribute, one decimal, grey 1.2-wide strokes
  /// (TrainingMemory's bars and data-flow diagrams).
  public static let styledLabels = SVGStyle(
    decimals: 1, text: .css(font: "Helvetica,Arial,sans-serif", anchorInStyle: false),
    textFill: "#222222", lineStroke: "#555555", lineWidth: 1.2, outlineWidth: 1.2)

  /// A monospace font named once on the document, labels that always state their weight after
  /// the anchor, fine dashes (NumberFormats' bit layouts and ranges).
  public static let monospace = SVGStyle(
    text: .attributes(font: nil, weight: .afterAnchor),
    documentFont: "DejaVu Sans Mono, Menlo, monospace", textFill: "#111111", lineDash: "3,3")

  /// Everything as inline CSS with a generic sans-serif font (Checkpointing's charts).
  public static let inlineCSS = SVGStyle(
    paint: .css, text: .css(font: "sans-serif", anchorInStyle: true))
}
