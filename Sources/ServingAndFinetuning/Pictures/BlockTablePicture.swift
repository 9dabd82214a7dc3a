import Drawing
import Harness

/// The `paged-block-table` picture: two samples of one prompt after a fork and a few tokens each,
/// with shared full blocks, a copy made on write, reference counts.
enum BlockTablePicture: PictureDrawing {
  static let id = "paged-block-table"
  static let caption =
    "Block tables of two samples of one 10-token prompt, with blocks of 4 tokens for legibility: the two full prompt blocks are shared (reference count 2); sample A wrote first into the shared partial block, so it got a copy, and sample B, then its only holder, kept writing into the original."

  struct State {
    var tables: [(name: String, blocks: [Int], length: Int)]
    var references: [Int: Int]
    /// Per physical block: which sample wrote each filled slot ("P" for the prompt).
    var owners: [Int: [String]]
  }

  static let blockSize = 4

  /// Runs the scenario through the reference cache and reads back what it built.
  static func state() -> State {
    let pool = BlockPool(blockCount: 8, blockSize: blockSize)
    guard let cache = try? ReferencePagedCache(pool: pool) else {
      return State(tables: [], references: [:], owners: [:])
    }
    let prompt = Array(0..<10)
    try? cache.add(sequence: 0, prompt: prompt)
    try? cache.fork(sequence: 0, into: 1)
    for token in 100..<103 { try? cache.append(token: token, to: 0) }
    try? cache.append(token: 200, to: 1)
    var owners: [Int: [String]] = [:]
    for (id, name) in [(0, "A"), (1, "B")] {
      let table = cache.tables[id] ?? []
      for (logical, block) in table.enumerated() {
        var slots: [String] = []
        for slot in 0..<blockSize {
          guard let token = try? pool.read(block: block, slot: slot) else { break }
          slots.append(token < 10 ? "P" : name)
          _ = logical
        }
        owners[block] = slots
      }
    }
    return State(
      tables: [
        ("sample A", cache.tables[0] ?? [], cache.lengths[0] ?? 0),
        ("sample B", cache.tables[1] ?? [], cache.lengths[1] ?? 0),
      ], references: cache.references, owners: owners)
  }

  static func fill(_ owner: String) -> String {
    switch owner {
    case "P": return "#4a7ab5"
    case "A": return "#d9a441"
    default: return "#5a9e6f"
    }
  }

  static func svg() -> String {
    let state = state()
    var canvas = SVGCanvas(width: 680, height: 300, style: .helvetica)
    let physical = state.references.keys.sorted()
    let slot = 22.0
    // Physical blocks on the right, one row each.
    var rowOf: [Int: Double] = [:]
    canvas.text("physical blocks (4 slots)", x: 400, y: 24, size: 13)
    for (index, block) in physical.enumerated() {
      let y = 44 + Double(index) * 48
      rowOf[block] = y
      canvas.text("block \(block)", x: 400, y: y + 16, size: 12)
      for position in 0..<blockSize {
        let owner =
          position < (state.owners[block]?.count ?? 0) ? state.owners[block]?[position] : nil
        canvas.rect(
          x: 460 + Double(position) * slot, y: y, width: slot - 2, height: slot - 2,
          fill: owner.map(fill) ?? "#e6e6e6")
      }
      canvas.text(
        "refs \(state.references[block] ?? 0)", x: 560, y: y + 16, size: 12,
        fill: (state.references[block] ?? 0) > 1 ? "#b5524a" : "#222")
    }
    // Block tables on the left, arrows to the blocks.
    for (index, table) in state.tables.enumerated() {
      let top = 44 + Double(index) * 120
      canvas.text("\(table.name): \(table.length) tokens", x: 20, y: top - 6, size: 13)
      for (logical, block) in table.blocks.enumerated() {
        let y = top + Double(logical) * 24
        canvas.rect(x: 20, y: y, width: 130, height: 20, fill: "#f3f3f3")
        canvas.text("logical \(logical) → block \(block)", x: 26, y: y + 14, size: 11)
        canvas.line(
          x1: 150, y1: y + 10, x2: 395, y2: (rowOf[block] ?? 0) + 10, stroke: "#888", width: 1)
      }
    }
    let legend: [(String, String)] = [("P", "prompt"), ("A", "sample A"), ("B", "sample B")]
    for (index, (owner, label)) in legend.enumerated() {
      let x = 20 + Double(index) * 120
      canvas.rect(x: x, y: 276, width: 12, height: 12, fill: fill(owner))
      canvas.text(label, x: x + 18, y: 286, size: 11)
    }
    return canvas.document(title: caption)
  }

  static func terminal(color: Bool) -> String {
    let state = state()
    var lines: [String] = []
    for table in state.tables {
      let blocks = table.blocks.map(String.init).joined(separator: ", ")
      lines.append("\(table.name) (\(table.length) tokens): block table [\(blocks)]")
    }
    lines.append("physical blocks, 4 slots each (P prompt, A/B sample, · empty):")
    for block in state.references.keys.sorted() {
      let owners = state.owners[block] ?? []
      let slots = (0..<blockSize).map { $0 < owners.count ? owners[$0] : "·" }.joined()
      let refs = state.references[block] ?? 0
      let note = refs > 1 ? "  shared" : ""
      lines.append(
        "  block \(block)  [\(slots)]  refs \(refs)"
          + TerminalDrawing.paint(note, 31, color: color))
    }
    return lines.joined(separator: "\n")
  }
}
