import Drawing
import Harness
import Units

/// The `adam-dataflow` picture: one mixed-precision Adam step as a dataflow graph, each tensor
/// labelled with its element type and its bytes per parameter and for a 7B model.
enum AdamDataflowPicture {
  /// How long a value lives.
  enum Life {
    /// Kept between steps: charged to training memory for the whole run.
    case kept
    /// Made and used within the step.
    case transient
    /// Produced by the backward pass, consumed here.
    case input

    /// The box's fill in the SVG, and the bar's character and ANSI colour in the terminal.
    var look: (fill: String, shade: String, ansi: Int) {
      switch self {
      case .kept: return ("#dbe8f5", "█", 34)
      case .input: return ("#fde9d2", "▓", 33)
      case .transient: return ("#ffffff", "░", 90)
      }
    }
  }

  /// The SVG legend: each kind of box, its offset from the left margin and its label.
  static let legend: [(Life, Double, String)] = [
    (.kept, 0, "kept between steps"), (.transient, 160, "made and used within the step"),
    (.input, 380, "from the backward pass"),
  ]

  /// One tensor of the step.
  struct Node {
    let id: String
    let symbol: String
    let name: String
    let type: ElementType?
    let life: Life
    let formula: String
    let column: Double
    let row: Double
  }

  static let modelParameters: UInt64 = 7_000_000_000

  /// The step's tensors, in the order Adam computes them.
  static let nodes: [Node] = [
    Node(
      id: "g", symbol: "g", name: "gradient", type: .fp16, life: .input,
      formula: "from the backward pass", column: 0, row: 0.5),
    Node(
      id: "g32", symbol: "g₃₂", name: "fp32 gradient", type: .fp32, life: .transient,
      formula: "g₃₂ = fp32(g) / loss scale", column: 1, row: 0.5),
    Node(
      id: "m", symbol: "m", name: "first moment", type: .fp32, life: .kept,
      formula: "m ← β₁·m + (1 − β₁)·g₃₂", column: 2, row: 0),
    Node(
      id: "v", symbol: "v", name: "second moment", type: .fp32, life: .kept,
      formula: "v ← β₂·v + (1 − β₂)·g₃₂²", column: 2, row: 1),
    Node(
      id: "t", symbol: "t", name: "step count", type: nil, life: .kept,
      formula: "t ← t + 1 (one number)", column: 2, row: 2),
    Node(
      id: "mhat", symbol: "m̂", name: "corrected m", type: .fp32, life: .transient,
      formula: "m̂ = m / (1 − β₁ᵗ)", column: 3, row: 0),
    Node(
      id: "vhat", symbol: "v̂", name: "corrected v", type: .fp32, life: .transient,
      formula: "v̂ = v / (1 − β₂ᵗ)", column: 3, row: 1),
    Node(
      id: "master", symbol: "θ₃₂", name: "master weights", type: .fp32, life: .kept,
      formula: "θ₃₂ ← θ₃₂ − lr·m̂ / (√v̂ + ε)", column: 4, row: 0.5),
    Node(
      id: "weights", symbol: "θ₁₆", name: "fp16 weights", type: .fp16, life: .kept,
      formula: "θ₁₆ = fp16(θ₃₂)", column: 5, row: 0.5),
  ]

  /// Which tensor feeds which.
  static let edges: [(String, String)] = [
    ("g", "g32"), ("g32", "m"), ("g32", "v"), ("m", "mhat"), ("v", "vhat"), ("t", "mhat"),
    ("t", "vhat"), ("mhat", "master"), ("vhat", "master"), ("master", "weights"),
  ]

  static let picture = Picture(
    "adam-dataflow",
    caption:
      "One mixed-precision Adam step: the fp16 gradient updates the two fp32 moments, the "
      + "bias-corrected moments update the fp32 master weights, and their fp16 copy is what the "
      + "next forward pass reads. Solid boxes stay in memory between steps.",
    svg: { svg() }, terminal: { terminal($0) })

  /// "fp32 · 4 B · 28 GB" for a node with an element type.
  private static func sizes(_ node: Node) -> String {
    guard let type = node.type else { return "one integer" }
    let perParameter = ByteFormatting.trimmed(type.bytesPerElement, decimals: 1)
    let total = (try? type.bytes(count: modelParameters)).map {
      ByteFormatting.decimal(Double($0))
    }
    return "\(type.rawValue) · \(perParameter) B · \(total ?? "?")"
  }

  /// Bytes per parameter kept between steps (the gradient counts: it lives until the update).
  static var keptBytesPerParameter: Double {
    nodes.filter { $0.life != .transient }.compactMap(\.type).map(\.bytesPerElement)
      .reduce(0, +)
  }

  static func svg() -> String {
    let (boxWidth, boxHeight, columnStep, rowStep, left, top) = (
      150.0, 62.0, 178.0, 92.0, 20.0, 60.0
    )
    let width = left + 5 * columnStep + boxWidth + 20
    var canvas = SVGCanvas(width: width, height: top + 3 * rowStep + 70, style: .styledLabels)
    canvas.text(
      "One Adam step in mixed precision (bytes per parameter, and for a 7B model)", x: left,
      y: 28, size: 15, bold: true)
    func origin(_ node: Node) -> (Double, Double) {
      (left + node.column * columnStep, top + node.row * rowStep)
    }
    for (from, to) in edges {
      guard let source = nodes.first(where: { $0.id == from }),
        let target = nodes.first(where: { $0.id == to })
      else { continue }
      let (sx, sy) = origin(source)
      let (tx, ty) = origin(target)
      if source.column == target.column {
        canvas.arrow(
          x1: sx + boxWidth / 2, y1: sy + boxHeight, x2: tx + boxWidth / 2, y2: ty)
      } else {
        canvas.arrow(
          x1: sx + boxWidth, y1: sy + boxHeight / 2, x2: tx, y2: ty + boxHeight / 2)
      }
    }
    for node in nodes {
      let (x, y) = origin(node)
      canvas.rect(
        x: x, y: y, width: boxWidth, height: boxHeight, fill: node.life.look.fill,
        stroke: "#4a4a4a", dashed: node.life == .transient, radius: 6)
      canvas.text(
        "\(node.symbol)  \(node.name)", x: x + 8, y: y + 17, size: 12, bold: true)
      canvas.text(node.formula, x: x + 8, y: y + 35, size: 11)
      canvas.text(sizes(node), x: x + 8, y: y + 52, size: 11, fill: "#555555")
    }
    let legendY = top + 3 * rowStep + 10
    for (life, offset, label) in legend {
      canvas.rect(
        x: left + offset, y: legendY, width: 14, height: 14, fill: life.look.fill,
        stroke: "#4a4a4a", dashed: life == .transient)
      canvas.text(label, x: left + offset + 20, y: legendY + 11, size: 11)
    }
    canvas.text(
      "kept per parameter: \(ByteFormatting.trimmed(keptBytesPerParameter, decimals: 1)) B "
        + "(gradient 2 + weights 2 + master 4 + m 4 + v 4)",
      x: left, y: legendY + 38, size: 12, bold: true)
    return canvas.document()
  }

  static func terminal(_ color: Bool) -> String {
    var lines = ["One Adam step in mixed precision (bytes per parameter; totals for 7B)"]
    for node in nodes {
      let blocks = Int((node.type?.bytesPerElement ?? 0) * 2)
      var bar = String(repeating: node.life.look.shade, count: blocks)
      if color && blocks > 0 { bar = TerminalDrawing.paint(bar, node.life.look.ansi, color: true) }
      lines.append(
        "  " + TerminalDrawing.pad(node.symbol, 4) + TerminalDrawing.pad(node.name, 20) + bar
          + String(repeating: " ", count: 9 - blocks) + TerminalDrawing.pad(sizes(node), 22)
          + node.formula)
    }
    lines.append(
      "  █ kept between steps   ▓ from backward   ░ within the step; kept per parameter: "
        + "\(ByteFormatting.trimmed(keptBytesPerParameter, decimals: 1)) B")
    return lines.joined(separator: "\n")
  }
}
