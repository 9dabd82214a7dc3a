/// The NF4 data type of QLoRA (Dettmers et al. 2023): 16 values at quantiles of a normal
/// distribution, scaled to [−1, 1], with an exact zero.
///
/// The table is the one bitsandbytes ships (`nf4` in its functional module): eight levels from
/// the positive half of the normal, seven from the negative half, and zero, each divided by the
/// largest. `workbook`'s reference code rebuilds it from the quantiles (the lesson shows how).
public enum NF4 {
  /// The 16 levels, code 0 to 15, increasing; code 7 is exactly 0.
  public static let levels: [Float] = [
    -1.0, -0.696_192_800_998_687_7, -0.525_073_051_452_636_7, -0.394_917_488_098_144_53,
    -0.284_441_381_692_886_35, -0.184_773_430_228_233_34, -0.091_050_036_251_544_95, 0.0,
    0.079_580_299_556_255_34, 0.160_930_201_411_247_25, 0.246_112_301_945_686_34,
    0.337_915_241_718_292_24, 0.440_709_829_330_444_34, 0.562_617_003_917_694_1,
    0.722_956_836_223_602_3, 1.0,
  ]
  /// Weights per first-level block: one absmax constant for each 64.
  public static let blockSize = 64
  /// First-level constants per second-level group: one fp32 scale for each 256 of them.
  public static let constantsPerGroup = 256
}
