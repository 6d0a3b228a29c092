# One INTERFACE target carries every compile policy; every Kafdesk target links it.
add_library(kafdesk_config INTERFACE)
add_library(Kafdesk::config ALIAS kafdesk_config)

target_compile_features(kafdesk_config INTERFACE cxx_std_20)
target_compile_options(kafdesk_config INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough
    $<$<BOOL:${KAFDESK_WERROR}>:-Werror>)
target_compile_definitions(kafdesk_config INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_STRICT_ITERATORS
    QT_USE_QSTRINGBUILDER
    $<$<BOOL:${KAFDESK_WERROR}>:_GLIBCXX_ASSERTIONS>)
