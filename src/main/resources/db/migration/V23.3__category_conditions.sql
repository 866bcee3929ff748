-- 立案条件 and 结案条件 per category (issue 16), shown to the operator who registers a case and to the checker who
-- closes it. For now a generic text per top domain (E01 … E06, C01 … C06); a subcategory without its own text uses
-- its nearest ancestor's, so a bureau can refine one leaf at a time.
ALTER TABLE category ADD COLUMN register_condition VARCHAR(500);
ALTER TABLE category ADD COLUMN close_condition VARCHAR(500);

UPDATE category SET
    register_condition = '经现场核实（照片、定位）确属公共区域的市容环境问题，不属于物业服务区域内可自行处理的情形。',
    close_condition = '现场已清理、恢复整洁，处置后照片与上报位置一致，无遗留。'
WHERE code = 'E01';
UPDATE category SET
    register_condition = '核实广告物确实存在于公共区域且未经审批（非法小广告、违规户外广告、占道宣传等），有照片和定位。',
    close_condition = '广告物已清除或已补办审批手续，现场无残留，处置后照片为证。'
WHERE code = 'E02';
UPDATE category SET
    register_condition = '核实施工行为正在发生或痕迹明显（扰民、渣土、围挡等），位置和施工主体可以确认。',
    close_condition = '违规行为已停止或已整改（围挡规范、渣土覆盖、按时停工等），复查现场属实。'
WHERE code = 'E03';
UPDATE category SET
    register_condition = '核实事件真实且仍在影响公共安全或通行（积水、倒伏、塌陷等），先报告、后核实的同时立案。',
    close_condition = '险情已排除、现场恢复通行，或已移交专业部门并有回执。'
WHERE code = 'E04';
UPDATE category SET
    register_condition = '核实占道经营、乱堆乱放、乱停乱放等行为真实存在于公共区域，有现场照片和定位。',
    close_condition = '占道物已清离、秩序恢复，处置后照片为证；屡劝不改的已转执法处置。'
WHERE code = 'E05';
UPDATE category SET
    register_condition = '核实问题真实存在、属于城市管理职责范围，有照片和定位。',
    close_condition = '问题已解决并有处置后照片，反映人的诉求已答复。'
WHERE code = 'E06';
UPDATE category SET
    register_condition = '核实设施确有破损、缺失或功能故障，属公共设施（非小区内部产权设施），有照片和定位。',
    close_condition = '设施已修复或更换、功能正常，处置后照片与上报位置一致。'
WHERE code IN ('C01', 'C02', 'C03', 'C06');
UPDATE category SET
    register_condition = '核实绿地、树木或绿化设施受损、缺失或存在安全隐患，有照片和定位。',
    close_condition = '已补植、修剪或修复，隐患已消除，处置后照片为证。'
WHERE code = 'C04';
UPDATE category SET
    register_condition = '核实房屋、土地相关问题属城市管理职责（如违法建设、外立面安全），有照片和定位。',
    close_condition = '已整改到位，或已移交主管部门并有回执。'
WHERE code = 'C05';
