# Writes UTF-8 copies of Debian's hyphenation dictionaries into OUT.
# hyph_ru_RU.dic (hyphen-ru) is KOI8-R with "KOI8-R" as its first line; libhyphen
# matches bytes, so the dictionary charset must equal the word charset (UTF-8 here).
file(MAKE_DIRECTORY ${OUT})
find_program(ICONV iconv REQUIRED)
execute_process(COMMAND ${ICONV} -f KOI8-R -t UTF-8 ${SRC}/hyph_ru_RU.dic
                OUTPUT_VARIABLE ru RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "iconv failed on ${SRC}/hyph_ru_RU.dic")
endif()
string(REGEX REPLACE "^KOI8-R[\r]?\n" "UTF-8\n" ru "${ru}")
file(WRITE ${OUT}/hyph_ru_RU.dic "${ru}")
configure_file(${SRC}/hyph_en_US.dic ${OUT}/hyph_en_US.dic COPYONLY)
