import Harness

/// The pictures of the ServingAndFinetuning lesson, drawn from runs of the topic's reference code.
public enum ServingAndFinetuningPictures {
  /// All pictures of the lesson.
  public static var all: [Picture] {
    [blockTable, waste]
  }

  /// Two samples of one prompt after a fork and a few tokens each: shared full blocks, a copy
  /// made on write, reference counts.
  static let blockTable = Picture(
    "paged-block-table",
    caption:
      "Block tables of two samples of one 10-token prompt, with blocks of 4 tokens for legibility: the two full prompt blocks are shared (reference count 2); sample A wrote first into the shared partial block, so it got a copy, and sample B, then its only holder, kept writing into the original.",
    svg: { BlockTablePicture.svg() },
    terminal: { BlockTablePicture.terminal(color: $0) })

  /// Reserved, allocated and used slots over the lesson's trace.
  static let waste = Picture(
    "kv-waste",
    caption:
      "Token slots over the lesson's seeded trace of 200 requests: reserved by contiguous preallocation for the maximum length, allocated by paging in blocks of 16, and actually holding a token. Paging follows the tokens within one partial block per sequence; contiguous reservations stay at the maximum.",
    svg: { WastePicture.svg() },
    terminal: { WastePicture.terminal(color: $0) })
}
