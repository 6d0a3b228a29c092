# Runs `kafdesk-ctl cluster down` on every local cluster under ROOT whose name starts with PREFIX.
file(GLOB states "${ROOT}/${PREFIX}*/cluster.json")
foreach(state IN LISTS states)
    get_filename_component(dir "${state}" DIRECTORY)
    get_filename_component(name "${dir}" NAME)
    message(STATUS "Removing leftover test cluster ${name}")
    execute_process(COMMAND "${CTL}" cluster down --name "${name}" --quiet)
endforeach()
