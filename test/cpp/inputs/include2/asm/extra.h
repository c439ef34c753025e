/* Found through the second -I directory; chains on with #include_next. */
extra_from_include2 __FILE__ __INCLUDE_LEVEL__
