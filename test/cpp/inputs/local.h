/* No guard: every include repeats the text. */
local_text __FILE__ __INCLUDE_LEVEL__
