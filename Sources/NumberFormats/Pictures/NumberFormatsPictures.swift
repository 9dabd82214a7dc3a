import Harness

/// The lesson's pictures: the bit layout of every format, drawn from its description with π
/// rounded into it, and the ranges of all formats on one axis.
public enum NumberFormatsPictures {
  /// All pictures of the lesson; the bit layouts have ids `bits-<format>`.
  public static let all: [Picture] =
    FloatFormat.all.map { format in
      let layout = BitLayoutPicture(format: format, sample: .pi, sampleName: "\u{03C0}")
      return Picture(
        "bits-\(format.name)", caption: layout.caption, svg: { layout.svg() },
        terminal: { layout.terminal(color: $0) })
    } + [
      {
        let ranges = RangePicture(formats: FloatFormat.all)
        return Picture(
          "format-ranges", caption: ranges.caption, svg: { ranges.svg() },
          terminal: { ranges.terminal(color: $0) })
      }()
    ]

  /// The picture with this id, if the lesson has one.
  public static func picture(_ id: String) -> Picture? { all.first { $0.id == id } }
}
