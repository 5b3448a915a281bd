package io.watchpost.normalize;

/**
 * The normalizer settings resolved for one log group.
 *
 * @param parser  the pinned parser, or AUTO
 * @param vpcFlow the flow-log field list for this group (the default version-2 list when none is configured)
 */
record GroupSettings(ParserChoice parser, VpcFlowFormat vpcFlow, boolean vpcFlowConfigured) {

    static final GroupSettings DEFAULT = new GroupSettings(ParserChoice.AUTO, VpcFlowFormat.DEFAULT_V2, false);
}
