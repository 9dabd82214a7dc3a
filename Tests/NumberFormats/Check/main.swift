// The NumberFormats runner: the only process that links Exercises/NumberFormats. It records the
// student's answers to the graders' questions; the judge decides (see Harness's `Judge`).
import Harness
import NumberFormatsExercises
import NumberFormatsGraders

Runner.main(
  NumberFormatsGraders.self,
  (integers: IntegerDecoder(), decoder: FloatDecoder(), encoder: FloatEncoder(), e4m3: E4M3Codec()))
