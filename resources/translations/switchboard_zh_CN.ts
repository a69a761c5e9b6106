<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="47"/>
        <source>This build cannot play media here (QtMultimedia does not load: %1). Save the file or open it with the system player.</source>
        <translation>此版本无法在这里播放媒体（QtMultimedia 无法加载：%1）。请保存文件，或用系统播放器打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="51"/>
        <source>this file</source>
        <translation>此文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="52"/>
        <source>This build cannot play %1; save it or open it with the system player.</source>
        <translation>此版本无法播放 %1；请保存它，或用系统播放器打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="55"/>
        <source>This build cannot show videos; save it or open it with the system player.</source>
        <translation>此版本无法显示视频；请保存它，或用系统播放器打开。</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="75"/>
        <source>Data directory</source>
        <translation>数据目录</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="76"/>
        <source>Log file</source>
        <translation>日志文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="77"/>
        <source>Keyring</source>
        <translation>密钥环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="78"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="79"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="90"/>
        <source>Copy diagnostics</source>
        <translation>复制诊断信息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="95"/>
        <source>About %1</source>
        <translation>关于 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="102"/>
        <source>Running the self-test…</source>
        <translation>正在运行自检…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="106"/>
        <source>Diagnostics copied (secrets removed).</source>
        <translation>诊断信息已复制（已移除密钥）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/about_dialog.py" line="110"/>
        <source>The self-test could not run: %1</source>
        <translation>自检无法运行：%1</translation>
    </message>
</context>
<context>
    <name>AttachImages</name>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="21"/>
        <source>Images and documents ({0})</source>
        <translation>图片和文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="23"/>
        <source>Images ({0})</source>
        <translation>图片 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="24"/>
        <source>PDF and Word documents ({0})</source>
        <translation>PDF 和 Word 文档 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="25"/>
        <source>Text and code ({0})</source>
        <translation>文本和代码 ({0})</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="27"/>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/dialogs.py" line="30"/>
        <source>Attach files</source>
        <translation>附加文件</translation>
    </message>
</context>
<context>
    <name>AttachmentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="114"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="115"/>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="119"/>
        <source>Preparing {0}…</source>
        <translation>正在处理 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="120"/>
        <source>Preparing {0}</source>
        <translation>正在处理 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="122"/>
        <source>{0}
{1} × {2} px, {3}</source>
        <translation>{0}
{1} × {2} 像素，{3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="125"/>
        <source>Image {0}</source>
        <translation>图片 {0}</translation>
    </message>
</context>
<context>
    <name>AttachmentTray</name>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="195"/>
        <source>Drop images or documents here to attach them</source>
        <translation>将图片或文档拖放到这里以附加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="253"/>
        <source>A message can carry up to {0} attachments.</source>
        <translation>一条消息最多可带 {0} 个附件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/tray.py" line="367"/>
        <location filename="../../desktop/ui/attachments/tray.py" line="444"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>BalanceWatch</name>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="169"/>
        <source>⚠ Low balance: %1</source>
        <translation>⚠ 余额不足：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="172"/>
        <source>%1 has %2; you asked to be warned below %3. Click to see the balance.</source>
        <translation>%1 的余额为 %2，低于你设置的提醒值 %3。点击查看余额。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="185"/>
        <source>Show balance</source>
        <translation>查看余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/balance_watch.py" line="186"/>
        <source>%1 has no balance left for this request.</source>
        <translation>%1 的余额已不足以完成此请求。</translation>
    </message>
</context>
<context>
    <name>ChatFiles</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="55"/>
        <source>{0} is missing from the attachment store.</source>
        <translation>附件存储中找不到 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="61"/>
        <source>No application opens {0}.</source>
        <translation>没有可以打开 {0} 的应用程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="64"/>
        <source>{0} could not be opened: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>ChatImages</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="79"/>
        <source>Save image as</source>
        <translation>图片另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="164"/>
        <location filename="../../desktop/ui/chat_view/images.py" line="182"/>
        <source>The image file is missing.</source>
        <translation>图片文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="176"/>
        <source>The image could not be saved: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="187"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="221"/>
        <source>Show or hide the sidebar</source>
        <translation>显示或隐藏侧边栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="90"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="207"/>
        <source>Compare: send this message to several models</source>
        <translation>对比：将这条消息同时发给多个模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="208"/>
        <source>Compare mode: {0}</source>
        <translation>对比模式：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="211"/>
        <source>{0} models</source>
        <translation>{0} 个模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="212"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="215"/>
        <source>Compare this message…</source>
        <translation>对比这条消息…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="216"/>
        <source>Compare mode for this conversation…</source>
        <translation>此对话的对比模式…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="217"/>
        <source>Back to one model</source>
        <translation>回到单个模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="222"/>
        <source>Show or hide parameters</source>
        <translation>显示或隐藏参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="223"/>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="227"/>
        <source>Editing a message: sending makes a new branch.</source>
        <translation>正在编辑消息：发送后将创建一个新分支。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="228"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="229"/>
        <source>Cancel editing</source>
        <translation>取消编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="224"/>
        <source>Attach images</source>
        <translation>附加图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="269"/>
        <location filename="../../desktop/ui/chat_pane.py" line="270"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="271"/>
        <source>Send (Enter)</source>
        <translation>发送（Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="263"/>
        <location filename="../../desktop/ui/chat_pane.py" line="264"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="265"/>
        <source>Stop the reply (Esc)</source>
        <translation>停止回复（Esc）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_pane.py" line="330"/>
        <source>The images are still being prepared; send again in a moment.</source>
        <translation>图片仍在处理中，请稍后再发送。</translation>
    </message>
</context>
<context>
    <name>ChatTarget</name>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="37"/>
        <source>No provider is set up yet. Add one in Settings → Providers (or with “switchboard provider add” on the command line); your message is kept.</source>
        <translation>还没有设置服务商。请在“设置 → 服务商”中添加（或在命令行中使用“switchboard provider add”）；你的消息已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="40"/>
        <source>Choose a model first; your message is kept.</source>
        <translation>请先选择一个模型；你的消息已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_target.py" line="52"/>
        <source>Fix the parameters first: %1</source>
        <translation>请先修正参数：%1</translation>
    </message>
</context>
<context>
    <name>ChatView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/documents.py" line="30"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="93"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="94"/>
        <source>↓  Jump to latest</source>
        <translation>↓  跳到最新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/view.py" line="95"/>
        <source>Jump to latest message</source>
        <translation>跳到最新消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagrams.py" line="78"/>
        <source>Diagram not shown: {0}</source>
        <translation>未显示图表：{0}</translation>
    </message>
</context>
<context>
    <name>CompareChooser</name>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="103"/>
        <source>Compare models</source>
        <translation>对比模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="104"/>
        <source>Compare mode for this conversation</source>
        <translation>此对话的对比模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="109"/>
        <source>Send this message to several models at once; their replies stream side by side.</source>
        <translation>将这条消息同时发给多个模型，它们的回复会并排实时显示。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="111"/>
        <source>Every message of this conversation goes to each of these models, side by side, until you continue with one of them.</source>
        <translation>此对话的每条消息都会发给这些模型并排显示，直到你选定其中一个继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="117"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="123"/>
        <source>Add a model</source>
        <translation>添加模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="134"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="134"/>
        <source>Turn on compare mode</source>
        <translation>开启对比模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="174"/>
        <source>Choose at least two models.</source>
        <translation>请至少选择两个模型。</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="109"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="110"/>
        <source>Stop this model&apos;s reply</source>
        <translation>停止此模型的回复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="111"/>
        <source>Stop {0}</source>
        <translation>停止 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="112"/>
        <source>Continue with this one</source>
        <translation>选这个继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="114"/>
        <source>Make this reply&apos;s branch the conversation and go back to one model</source>
        <translation>将此回复所在分支作为对话继续，并回到单个模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="159"/>
        <source>streaming…</source>
        <translation>生成中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="161"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="163"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
</context>
<context>
    <name>CompareColumns</name>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="253"/>
        <source>Compare mode: {0} models. Each new message goes to all of them, each on its own branch; “Continue with this one” keeps one and returns to a single model.</source>
        <translation>对比模式：{0} 个模型。每条新消息都会发给它们，各自在自己的分支上；“选这个继续”保留其中一个并回到单模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/columns.py" line="258"/>
        <source>Comparing {0} models. A new message goes to each of them on its own branch; “Continue with this one” keeps one and returns to a single model.</source>
        <translation>正在对比 {0} 个模型。新消息会分别发给每个模型，各占一个分支；点击“选这个继续”可保留其中一个并回到单个模型。</translation>
    </message>
</context>
<context>
    <name>CompareController</name>
    <message>
        <location filename="../../desktop/ui/compare/compare_controller.py" line="147"/>
        <source>A message in a column cannot be edited: send a new one, and it goes to every column.</source>
        <translation>无法编辑某一栏中的消息：请发送新消息，它会发给每一栏。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/compare_controller.py" line="217"/>
        <source>Type the message to compare first.</source>
        <translation>请先输入要对比的消息。</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../../desktop/ui/composer.py" line="37"/>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="47"/>
        <source>Describe the image to generate…</source>
        <translation>描述要生成的图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="49"/>
        <source>Message…  (Enter to send, Shift+Enter for a new line)</source>
        <translation>输入消息…（Enter 发送，Shift+Enter 换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/composer.py" line="51"/>
        <source>Message…  (Ctrl+Enter to send, Enter for a new line)</source>
        <translation>输入消息…（Ctrl+Enter 发送，Enter 换行）</translation>
    </message>
</context>
<context>
    <name>ConversationList</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="44"/>
        <source>Pinned</source>
        <translation>已置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="48"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="50"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="52"/>
        <source>Previous 7 days</source>
        <translation>过去 7 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="54"/>
        <source>Previous 30 days</source>
        <translation>过去 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="56"/>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/model.py" line="211"/>
        <location filename="../../desktop/ui/conversation_list/model.py" line="216"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>ConversationListView</name>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="49"/>
        <source>Conversations</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="121"/>
        <source>Rename folder…</source>
        <translation>重命名文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="123"/>
        <source>Delete folder (its conversations stay)</source>
        <translation>删除文件夹（其中的对话会保留）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="133"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="134"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Unpin</source>
        <translation>取消置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="136"/>
        <source>Pin</source>
        <translation>置顶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="138"/>
        <source>Move to folder</source>
        <translation>移动到文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="140"/>
        <source>No folder</source>
        <translation>不放入文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="149"/>
        <source>New folder…</source>
        <translation>新建文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="151"/>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="153"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conversation_list/view.py" line="155"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>CreateForm</name>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="117"/>
        <source>New knowledge base</source>
        <translation>新建知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="119"/>
        <source>Files are split into chunks and embedded with the model you choose; each message then finds the chunks closest to it.</source>
        <translation>文件会被切分成文本块，并用你选择的模型生成嵌入向量；之后每条消息都会找出与它最相近的文本块。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>&amp;Provider:</source>
        <translation>服务商(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="121"/>
        <source>Embedding &amp;model:</source>
        <translation>嵌入模型(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="122"/>
        <source>&amp;Chunk size:</source>
        <translation>分块大小(&amp;C)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="122"/>
        <source>&amp;Overlap:</source>
        <translation>重叠(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="125"/>
        <source>e.g. Product manuals</source>
        <translation>例如：产品手册</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="126"/>
        <source> tokens</source>
        <translation> 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="130"/>
        <source>About a page of prose: long enough to hold an answer, short enough to be precise</source>
        <translation>约一页正文：足以容纳一个答案，又短到足够精确</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="132"/>
        <source>Text shared by neighbouring chunks, so a sentence cut by a boundary is found whole</source>
        <translation>相邻文本块共享的文字，这样被边界截断的句子也能完整找到</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="152"/>
        <source>Give the knowledge base a name.</source>
        <translation>请为知识库命名。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="154"/>
        <source>A knowledge base named {0} exists already.</source>
        <translation>已存在名为 {0} 的知识库。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="156"/>
        <source>Add a provider first (Settings → Providers).</source>
        <translation>请先添加服务商（设置 → 服务商）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="158"/>
        <source>Choose the embedding model.</source>
        <translation>请选择嵌入模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="160"/>
        <source>The overlap must be smaller than the chunk size.</source>
        <translation>重叠必须小于分块大小。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="170"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
</context>
<context>
    <name>DiagramViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="47"/>
        <source>Save diagram as</source>
        <translation>图表另存为</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="61"/>
        <source>Diagram not saved</source>
        <translation>图表未保存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="95"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="133"/>
        <source>Copy source</source>
        <translation>复制源代码</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="97"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="134"/>
        <source>Save as SVG…</source>
        <translation>另存为 SVG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="99"/>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="135"/>
        <source>Save as PNG…</source>
        <translation>另存为 PNG…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="111"/>
        <source>Diagram</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="129"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/diagram_viewer.py" line="136"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>DictationButton</name>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="47"/>
        <source>● {0}  Stop</source>
        <translation>● {0}  停止</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="48"/>
        <source>Recording {0}: click to stop and transcribe</source>
        <translation>正在录音 {0}：点击停止并转写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="51"/>
        <location filename="../../desktop/ui/dictation/button.py" line="52"/>
        <source>Transcribing…</source>
        <translation>正在转写…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="56"/>
        <source>Dictate: record speech and type it at the cursor</source>
        <translation>听写：录下语音并在光标处输入文字</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="58"/>
        <source>Stop recording</source>
        <translation>停止录音</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/button.py" line="58"/>
        <source>Dictate</source>
        <translation>听写</translation>
    </message>
</context>
<context>
    <name>DictationController</name>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="54"/>
        <source>Dictation settings…</source>
        <translation>听写设置…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="79"/>
        <source>Pick a model first: dictation uses its provider.</source>
        <translation>请先选择模型：听写会使用它的服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="116"/>
        <source>Nothing was recorded.</source>
        <translation>没有录到任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="135"/>
        <source>No speech was heard in the recording.</source>
        <translation>录音中没有检测到语音。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/controller.py" line="152"/>
        <location filename="../../desktop/ui/dictation/controller.py" line="155"/>
        <source>Dictation failed: {0}</source>
        <translation>听写失败：{0}</translation>
    </message>
</context>
<context>
    <name>DictationSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="28"/>
        <source>Dictation</source>
        <translation>听写</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="31"/>
        <source>The conversation&apos;s provider</source>
        <translation>当前对话的服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="37"/>
        <source>Detected (or a code such as en, de, zh)</source>
        <translation>自动检测（或输入语言代码，如 en、de、zh）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="38"/>
        <source>The recording goes to the provider&apos;s /audio/transcriptions; the text is typed at the composer&apos;s cursor.</source>
        <translation>录音会发送到服务商的 /audio/transcriptions；识别出的文字会输入到输入框的光标处。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="41"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="42"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/settings_dialog.py" line="43"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
</context>
<context>
    <name>DocumentChip</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="85"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="88"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="88"/>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="90"/>
        <source>{0} characters</source>
        <translation>{0} 个字符</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="91"/>
        <source>{0} · ≈{1} tokens</source>
        <translation>{0} · 约 {1} 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="101"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="102"/>
        <source>Remove {0}</source>
        <translation>移除 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="105"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="106"/>
        <source>Reading {0}</source>
        <translation>正在读取 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="108"/>
        <source>{0}
{1}, {2}</source>
        <translation>{0}
{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_chip.py" line="110"/>
        <source>Document {0}</source>
        <translation>文档 {0}</translation>
    </message>
</context>
<context>
    <name>DocumentRefusal</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="29"/>
        <source>{0} is protected by a password; remove the password and attach it again.</source>
        <translation>{0} 受密码保护；请去掉密码后重新附加。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="32"/>
        <source>{0} cannot be read: the file is damaged or incomplete ({1})</source>
        <translation>无法读取 {0}：文件已损坏或不完整（{1}）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="35"/>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="37"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="42"/>
        <source>it is a scan without a text layer, and {0} is not known to read images; choose a vision model to send its pages as images.</source>
        <translation>它是没有文字层的扫描件，而 {0} 不支持读取图片；请选择支持视觉的模型，以图片形式发送其页面。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="45"/>
        <source>the chosen model</source>
        <translation>所选模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="50"/>
        <source>it has no text layer, and its page images are in a format that cannot be extracted (only JPEG and 8-bit grey or RGB scans can).</source>
        <translation>它没有文字层，且页面图片的格式无法提取（只支持 JPEG 以及 8 位灰度或 RGB 扫描）。</translation>
    </message>
</context>
<context>
    <name>ExchangeRunner</name>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="191"/>
        <source>The images could not be stored: {0}</source>
        <translation>无法保存图片：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/exchange_runner.py" line="304"/>
        <source>Waiting for the provider ({0})… retry {1} of {2} in {3} s</source>
        <translation>正在等待服务商（{0}）… 第 {1}/{2} 次重试，{3} 秒后开始</translation>
    </message>
</context>
<context>
    <name>FileStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="86"/>
        <source>Attached files</source>
        <translation>附加的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="107"/>
        <source>1 page</source>
        <translation>1 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="108"/>
        <source>{0} pages</source>
        <translation>{0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/file_chips.py" line="166"/>
        <source>Open {0}</source>
        <translation>打开 {0}</translation>
    </message>
</context>
<context>
    <name>FileTable</name>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="45"/>
        <source>Chunks</source>
        <translation>文本块</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="46"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="57"/>
        <source>Indexed</source>
        <translation>已索引</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="57"/>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/file_table.py" line="58"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
</context>
<context>
    <name>FluxForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="162"/>
        <source>Flux — Image</source>
        <translation>Flux — 图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="165"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="166"/>
        <source>A macro photo of frost on a leaf</source>
        <translation>一张树叶上结霜的微距照片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="167"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="168"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="174"/>
        <source>Choose a Flux model.</source>
        <translation>请选择一个 Flux 模型。</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="38"/>
        <source>Extend the video</source>
        <translation>延长视频</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="39"/>
        <source>Luma continues “%1” from its last frame. Describe what happens next.</source>
        <translation>Luma 会从“%1”的最后一帧继续。描述接下来发生什么。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="42"/>
        <source>Continue the song</source>
        <translation>续写歌曲</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="43"/>
        <source>Suno continues “%1” from the second you choose. Describe (or write the lyrics of) what comes next.</source>
        <translation>Suno 会从你选定的秒数起续写“%1”。描述接下来的内容（或写出歌词）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="54"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="60"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="63"/>
        <source>Continue at</source>
        <translation>续写起点</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="68"/>
        <source>Extend</source>
        <translation>延长</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/follow_up_dialog.py" line="68"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>FormulaViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="31"/>
        <source>Formula</source>
        <translation>公式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="47"/>
        <source>Copy LaTeX</source>
        <translation>复制 LaTeX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/formula_viewer.py" line="50"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>GuiSession</name>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="49"/>
        <source>Replies cut off by the last exit were kept and marked as interrupted.</source>
        <translation>上次退出时中断的回复已保留，并标记为已中断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="138"/>
        <location filename="../../desktop/ui/gui_session.py" line="172"/>
        <source>Nothing was restored: %1</source>
        <translation>未恢复任何内容：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="145"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="146"/>
        <source>Closing the history…</source>
        <translation>正在关闭历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="169"/>
        <source>Restored the history from %1. The history before it was saved as %2.</source>
        <translation>已从 %1 恢复历史记录。恢复前的历史记录已保存为 %2。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/gui_session.py" line="174"/>
        <source>Restore cancelled: the history was not changed.</source>
        <translation>已取消恢复：历史记录未改变。</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="24"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="25"/>
        <source>Search history</source>
        <translation>搜索历史</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="26"/>
        <source>Send (or new line, when swapped in the Settings menu)</source>
        <translation>发送（在“设置”菜单中切换后为换行）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="27"/>
        <source>New line (or send, when swapped)</source>
        <translation>换行（切换后为发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="28"/>
        <source>Stop the reply, cancel editing, clear the search</source>
        <translation>停止回复、取消编辑、清除搜索</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="29"/>
        <source>In an empty composer: edit your last message</source>
        <translation>输入框为空时：编辑你的上一条消息</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="30"/>
        <source>Rename the selected conversation</source>
        <translation>重命名所选对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="31"/>
        <source>Delete the selected conversation (with Undo)</source>
        <translation>删除所选对话（可撤销）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="32"/>
        <source>Undo the last delete</source>
        <translation>撤销上一次删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="33"/>
        <source>Show or hide the sidebar</source>
        <translation>显示或隐藏侧边栏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="34"/>
        <source>Show or hide the parameters</source>
        <translation>显示或隐藏参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="35"/>
        <source>Switch between the chats and the Studio</source>
        <translation>在对话与创作之间切换</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="36"/>
        <source>Focus the composer</source>
        <translation>聚焦到输入框</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="37"/>
        <source>This help</source>
        <translation>本帮助</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="38"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="45"/>
        <location filename="../../desktop/ui/help_dialog.py" line="52"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="48"/>
        <source>keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="53"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialog.py" line="53"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>HistoryTools</name>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="74"/>
        <location filename="../../desktop/ui/history_tools.py" line="79"/>
        <source>Import conversations</source>
        <translation>导入对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="75"/>
        <source>Conversations (*.json *.zip);;All files (*)</source>
        <translation>对话 (*.json *.zip);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="84"/>
        <source>Imported %n conversation(s).</source>
        <translation>
            <numerusform>已导入 %n 个对话。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="89"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="103"/>
        <location filename="../../desktop/ui/history_tools.py" line="110"/>
        <source>Export all conversations</source>
        <translation>导出全部对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="104"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="120"/>
        <source>Exported %n conversation(s) to %1</source>
        <translation>
            <numerusform>已将 %n 个对话导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="125"/>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="139"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="144"/>
        <source>Backed up to %1</source>
        <translation>已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="148"/>
        <source>Backup cancelled.</source>
        <translation>已取消备份。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="185"/>
        <location filename="../../desktop/ui/history_tools.py" line="207"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="186"/>
        <source>This file cannot be restored: %1</source>
        <translation>无法从此文件恢复：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="194"/>
        <source>an unknown number of conversations</source>
        <translation>对话数量未知</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="195"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n 个对话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/history_tools.py" line="196"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="199"/>
        <source>Replace the whole current history ({current}) with the backup {name} ({backup})?

The current history is first saved as a backup in {folder}, so nothing is lost. Replies still streaming are stopped, and the window reopens on the restored history.</source>
        <translation>用备份 {name}（{backup}）替换当前的全部历史记录（{current}）吗？

当前的历史记录会先备份到 {folder}，不会丢失任何内容。正在生成的回复会停止，窗口会在恢复后的历史记录上重新打开。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_tools.py" line="210"/>
        <source>Replace the history</source>
        <translation>替换历史记录</translation>
    </message>
</context>
<context>
    <name>ImageEditController</name>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="61"/>
        <location filename="../../desktop/ui/image_edit/controller.py" line="117"/>
        <source>Variations of this image</source>
        <translation>此图片的变体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="69"/>
        <source>The image file is missing.</source>
        <translation>图片文件不存在。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="79"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="83"/>
        <source>Add a provider first (Providers…).</source>
        <translation>请先添加服务商（服务商…）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="113"/>
        <source>Wait for the reply in progress to finish, then edit the image again.</source>
        <translation>请等当前回复完成后，再编辑图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="115"/>
        <source>Making variations…</source>
        <translation>正在生成变体…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/controller.py" line="115"/>
        <source>Editing image…</source>
        <translation>正在编辑图片…</translation>
    </message>
</context>
<context>
    <name>ImageEditDialog</name>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="144"/>
        <source>Image variations</source>
        <translation>图片变体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="145"/>
        <source>Make variations</source>
        <translation>生成变体</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="146"/>
        <source>New images like this one; they arrive in the conversation as a reply.</source>
        <translation>生成与这张相似的新图片；它们会作为回复出现在对话中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="149"/>
        <source>Edit image</source>
        <translation>编辑图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="150"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="151"/>
        <source>Paint over what should change, then describe the change. Without paint the whole image may change.</source>
        <translation>涂抹需要修改的区域，然后描述修改内容。不涂抹的话，整张图片都可能被修改。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="153"/>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="154"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="155"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="156"/>
        <source>Brush size</source>
        <translation>画笔大小</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="157"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="158"/>
        <source>Image with the areas to change</source>
        <translation>标出修改区域的图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="159"/>
        <source>Describe the change, e.g. “a red hat”</source>
        <translation>描述修改内容，例如“一顶红帽子”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="160"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="161"/>
        <source>&amp;Provider</source>
        <translation>服务商(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="161"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="162"/>
        <source>&amp;Images</source>
        <translation>张数(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="162"/>
        <source>Si&amp;ze</source>
        <translation>尺寸(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="178"/>
        <source>Describe the change first.</source>
        <translation>请先描述修改内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_edit/dialog.py" line="181"/>
        <source>Pick a provider and a model.</source>
        <translation>请选择服务商和模型。</translation>
    </message>
</context>
<context>
    <name>ImageGenerationController</name>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="85"/>
        <source>Describe the image to generate first.</source>
        <translation>请先描述要生成的图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="87"/>
        <source>Type what the image should show after /image.</source>
        <translation>请在 /image 后面写出图片要表现的内容。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="95"/>
        <source>Image generation does not use the attached images; they stay for your next chat message.</source>
        <translation>生成图片不会使用已附加的图片；它们会保留到你的下一条聊天消息。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="176"/>
        <source>Pick an image model (one with the [image] badge, e.g. dall-e-3) in the model picker at the top (Ctrl+M); your prompt is kept.</source>
        <translation>请在顶部的模型选择器（Ctrl+M）中选一个图片模型（带 [image] 标记，例如 dall-e-3）；你的提示词已保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_generation_controller.py" line="217"/>
        <source>Generating image…</source>
        <translation>正在生成图片…</translation>
    </message>
</context>
<context>
    <name>ImageMode</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="196"/>
        <source>Image mode</source>
        <translation>图片模式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="197"/>
        <source>Image mode: Send generates images from the text (or type /image and a prompt)</source>
        <translation>图片模式：发送时根据文字生成图片（也可以输入 /image 加提示词）</translation>
    </message>
</context>
<context>
    <name>ImageOptionsRow</name>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="94"/>
        <source>Image size</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="95"/>
        <source>Image size (auto: the model&apos;s default, not sent)</source>
        <translation>图片尺寸（自动：模型的默认值，不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="96"/>
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="97"/>
        <source>custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="98"/>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="99"/>
        <source>Custom image size</source>
        <translation>自定义图片尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="100"/>
        <source>Width x height in pixels, e.g. 1536x1024</source>
        <translation>宽 x 高（像素），例如 1536x1024</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="101"/>
        <source>Number of images</source>
        <translation>图片数量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="102"/>
        <source>How many images to generate (1–4)</source>
        <translation>要生成几张图片（1–4）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="103"/>
        <source>Image quality</source>
        <translation>图片质量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="106"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="104"/>
        <source>Image style</source>
        <translation>图片风格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="107"/>
        <source>Quality (default: not sent)</source>
        <translation>质量（默认：不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="108"/>
        <source>Style, for models that take one (default: not sent)</source>
        <translation>风格，用于支持风格的模型（默认：不发送）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="109"/>
        <source>Images</source>
        <translation>张数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="110"/>
        <source>Style</source>
        <translation>风格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/image_mode.py" line="151"/>
        <source>The custom image size must look like 1024x1024.</source>
        <translation>自定义图片尺寸的格式应为 1024x1024。</translation>
    </message>
</context>
<context>
    <name>ImagePicker</name>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="80"/>
        <source>Add image…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="81"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="82"/>
        <source>Reference images</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="91"/>
        <source>Choose images</source>
        <translation>选择图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/image_picker.py" line="91"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp *.gif)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/image_picker.py" line="100"/>
        <source>At most %n image(s).</source>
        <translation>
            <numerusform>最多 %n 张图片。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="222"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="325"/>
        <source>Image missing</source>
        <translation>图片缺失</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="382"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="383"/>
        <source>Save image as…</source>
        <translation>图片另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="384"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="386"/>
        <source>Edit image…</source>
        <translation>编辑图片…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/images.py" line="387"/>
        <source>Variations…</source>
        <translation>变体…</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="37"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="43"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="52"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="53"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="74"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="105"/>
        <source>Save image as…</source>
        <translation>图片另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/image_viewer.py" line="106"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
</context>
<context>
    <name>KbActions</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="58"/>
        <source>Knowledge bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="92"/>
        <source>Delete knowledge base</source>
        <translation>删除知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="93"/>
        <source>Delete {0} and its index? The files it read are not touched.</source>
        <translation>删除 {0} 及其索引？它读取过的文件不会受影响。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="96"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="116"/>
        <source>Add files to the knowledge base</source>
        <translation>向知识库添加文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="117"/>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="122"/>
        <source>Add a folder to the knowledge base</source>
        <translation>向知识库添加文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_actions.py" line="176"/>
        <source>Rebuild index</source>
        <translation>重建索引</translation>
    </message>
</context>
<context>
    <name>KbChoiceButton</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="78"/>
        <source>Knowledge bases searched for each message: {0}</source>
        <translation>每条消息都会检索的知识库：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="80"/>
        <source>Knowledge bases: none attached to this conversation</source>
        <translation>知识库：此对话未关联任何知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="81"/>
        <source>Knowledge bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="82"/>
        <source>Knowledge bases: {0} attached</source>
        <translation>知识库：已关联 {0} 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="114"/>
        <source>No knowledge bases yet</source>
        <translation>还没有知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="117"/>
        <source>{0}  ({1} chunks)</source>
        <translation>{0}  （{1} 个文本块）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_choice_button.py" line="124"/>
        <source>Manage knowledge bases…</source>
        <translation>管理知识库…</translation>
    </message>
</context>
<context>
    <name>KbSourceChips</name>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="137"/>
        <source>Knowledge base sources</source>
        <translation>知识库来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="164"/>
        <source>p. {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="228"/>
        <source>From your knowledge bases</source>
        <translation>来自你的知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="267"/>
        <source>Show passage {0} from {1}</source>
        <translation>显示来自 {1} 的片段 {0}</translation>
    </message>
</context>
<context>
    <name>KeyPromptDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="143"/>
        <source>API key for %1</source>
        <translation>%1 的 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="144"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="145"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="146"/>
        <source>Save it in the system keyring</source>
        <translation>保存到系统密钥环</translation>
    </message>
</context>
<context>
    <name>KeyringProblemDialog</name>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="78"/>
        <source>The key could not be stored</source>
        <translation>无法保存密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="80"/>
        <source>The key for &lt;b&gt;%1&lt;/b&gt; was not saved.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的密钥未保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="83"/>
        <source>Switchboard never writes keys to its own files. Choose how to go on:</source>
        <translation>Switchboard 从不把密钥写入自己的文件。请选择接下来的做法：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="86"/>
        <source>Keep the key in memory for this session only (asked again next start)</source>
        <translation>仅在本次运行期间将密钥保存在内存中（下次启动时会再次询问）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="88"/>
        <source>Read the key from an environment variable:</source>
        <translation>从环境变量读取密钥：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="89"/>
        <source>Environment variable name</source>
        <translation>环境变量名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/key_prompt.py" line="91"/>
        <location filename="../../desktop/ui/key_prompt.py" line="107"/>
        <source>Enter a variable name (letters, digits and _).</source>
        <translation>请输入变量名（字母、数字和 _）。</translation>
    </message>
</context>
<context>
    <name>KindForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_base.py" line="99"/>
        <source>Write a prompt first.</source>
        <translation>请先填写提示词。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_base.py" line="101"/>
        <source>The prompt is too long (at most %1 characters).</source>
        <translation>提示词过长（最多 %1 个字符）。</translation>
    </message>
</context>
<context>
    <name>KnowledgeDialog</name>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="205"/>
        <source>Knowledge bases</source>
        <translation>知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="207"/>
        <source>A knowledge base is a set of files and folders. Attach one to a conversation (the Knowledge button by the message box): each message then brings the passages closest to it, and the reply shows them as numbered sources.</source>
        <translation>知识库是一组文件和文件夹。将它关联到对话（消息输入框旁的“知识库”按钮）后，每条消息都会带上与它最相近的片段，回复中会以编号来源的形式显示这些片段。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="210"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="211"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="212"/>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="213"/>
        <source>Add folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="214"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="215"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="216"/>
        <source>Index new and changed files again, and drop the ones removed from disk</source>
        <translation>重新索引新增和改动过的文件，并移除已从磁盘删除的文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="218"/>
        <source>Change model…</source>
        <translation>更换模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="219"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="220"/>
        <source>&amp;Passages per message:</source>
        <translation>每条消息的片段数(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="221"/>
        <source>Least &amp;similarity:</source>
        <translation>最低相似度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="223"/>
        <source>Passages less similar to the message than this are not sent</source>
        <translation>与消息的相似度低于此值的片段不会发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="294"/>
        <source>Indexing…</source>
        <translation>正在索引…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="295"/>
        <source>Indexing… {0} %</source>
        <translation>正在索引… {0}%</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="297"/>
        <source>{0} files · {1} chunks</source>
        <translation>{0} 个文件 · {1} 个文本块</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="302"/>
        <source>{0} files</source>
        <translation>{0} 个文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="303"/>
        <source>{0} chunks</source>
        <translation>{0} 个文本块</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="305"/>
        <source>chunks of {0} tokens, {1} overlap</source>
        <translation>每块 {0} 个 token，重叠 {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="309"/>
        <source>last indexed {0}</source>
        <translation>上次索引于 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="311"/>
        <source>not indexed yet</source>
        <translation>尚未索引</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="313"/>
        <source>{0} files could not be read</source>
        <translation>{0} 个文件无法读取</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="320"/>
        <source>No knowledge base yet</source>
        <translation>还没有知识库</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="321"/>
        <source>Create one, then add the files it should know.</source>
        <translation>先创建一个，再添加它需要了解的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="437"/>
        <source>The part already indexed is kept; Refresh goes on from there.</source>
        <translation>已索引的部分会保留；点击“刷新”可从那里继续。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="439"/>
        <source>Indexing was cancelled.</source>
        <translation>已取消索引。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="442"/>
        <source>Indexing stopped: {0}</source>
        <translation>索引已停止：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="447"/>
        <source>Up to date: {0} files indexed, {1} chunks added.</source>
        <translation>已是最新：索引了 {0} 个文件，新增 {1} 个文本块。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="450"/>
        <source>{0} removed files dropped.</source>
        <translation>已移除 {0} 个已删除的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="452"/>
        <source>The index was rebuilt.</source>
        <translation>索引已重建。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/kb_dialog.py" line="454"/>
        <source>{0} files were left out: too many files, or too large (50 MB a file, 4 GB in all).</source>
        <translation>有 {0} 个文件未收录：文件过多或过大（单个文件上限 50 MB，总计上限 4 GB）。</translation>
    </message>
</context>
<context>
    <name>KnowledgeWiring</name>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="111"/>
        <source>Indexing {0} stopped: {1}</source>
        <translation>{0} 的索引已停止：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="227"/>
        <source>No application opens {0}.</source>
        <translation>没有可以打开 {0} 的应用程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/wiring.py" line="230"/>
        <source>{0} cannot be opened: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
</context>
<context>
    <name>LargeDocumentQuestion</name>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="77"/>
        <source>Attach a large document?</source>
        <translation>附加大型文档？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="78"/>
        <source>{0} is about {1} tokens; the limit is {2}.</source>
        <translation>{0} 约有 {1} 个 token；上限为 {2}。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="81"/>
        <source>The model may refuse it or cut it off, and every message of this conversation will send it again.</source>
        <translation>模型可能拒绝或截断它，而且此对话的每条消息都会再次发送它。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="83"/>
        <source>Attach anyway</source>
        <translation>仍然附加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachments/document_checks.py" line="84"/>
        <source>Remove it</source>
        <translation>移除它</translation>
    </message>
</context>
<context>
    <name>LumaForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="123"/>
        <source>Luma — Video</source>
        <translation>Luma — 视频</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="126"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="127"/>
        <source>A paper boat drifting down a rainy street</source>
        <translation>一只纸船在雨中的街道上漂流</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="128"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="129"/>
        <source>Loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="130"/>
        <source>End where it starts</source>
        <translation>结尾回到开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="131"/>
        <source>Expand prompt</source>
        <translation>扩写提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="132"/>
        <source>Let Luma enrich the prompt</source>
        <translation>让 Luma 丰富提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="133"/>
        <source>Start frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="134"/>
        <source>End frame</source>
        <translation>尾帧</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175"/>
        <source>Opening history…</source>
        <translation>正在打开历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="265"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="266"/>
        <source>&amp;New conversation</source>
        <translation>新对话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="267"/>
        <source>&amp;Import conversations…</source>
        <translation>导入对话(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="268"/>
        <source>&amp;Export conversation…</source>
        <translation>导出对话(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="269"/>
        <source>Export &amp;all conversations…</source>
        <translation>导出全部对话(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="270"/>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="271"/>
        <source>&amp;Restore from backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="272"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="273"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="274"/>
        <source>&amp;Search history</source>
        <translation>搜索历史(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="275"/>
        <source>Show or hide the si&amp;debar</source>
        <translation>显示或隐藏侧边栏(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="276"/>
        <source>Show or hide the &amp;parameters</source>
        <translation>显示或隐藏参数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="277"/>
        <source>&amp;Usage and costs…</source>
        <translation>用量与费用(&amp;U)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="278"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
        <location filename="../../desktop/ui/main_window.py" line="291"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="279"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="280"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="283"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="284"/>
        <source>&amp;Enter sends the message</source>
        <translation>Enter 发送消息(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="285"/>
        <source>&amp;Providers…</source>
        <translation>服务商(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="286"/>
        <source>&amp;Tools (MCP servers)…</source>
        <translation>工具（MCP 服务器）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="287"/>
        <source>&amp;Knowledge bases…</source>
        <translation>知识库(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="288"/>
        <source>Read &amp;aloud…</source>
        <translation>朗读(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="289"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="294"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="295"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="296"/>
        <source>&amp;About Switchboard</source>
        <translation>关于 Switchboard(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="329"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="336"/>
        <source>The history is still opening. Your message is kept in the composer.</source>
        <translation>历史记录仍在打开中。你的消息保留在输入框里。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="349"/>
        <source>Read-only: nothing can be saved</source>
        <translation>只读：无法保存任何内容</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="362"/>
        <source>The history could not be opened: %1</source>
        <translation>无法打开历史记录：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="472"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>MessageActions</name>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="36"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/message_actions.py" line="43"/>
        <source>Stop the reply before deleting messages.</source>
        <translation>请先停止回复，再删除消息。</translation>
    </message>
</context>
<context>
    <name>MessageCost</name>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="36"/>
        <source>Cost: {0}</source>
        <translation>费用：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="40"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="41"/>
        <source>Cached input</source>
        <translation>缓存输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="42"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="43"/>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="45"/>
        <source>{0}: {1} tokens × {2}/M = {3}</source>
        <translation>{0}：{1} 个 token × {2}/百万 = {3}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="55"/>
        <source>Prices: set for this provider</source>
        <translation>价格：此提供商的自定义价格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="57"/>
        <source>Prices: {0}</source>
        <translation>价格：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="60"/>
        <source>Provider multiplier: ×{0:g}</source>
        <translation>提供商倍率：×{0:g}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="64"/>
        <source>Exchange rate: {0:g} {1} per USD</source>
        <translation>汇率：每美元 {0:g} {1}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/cost_text.py" line="67"/>
        <source>Estimated: the provider sent no token counts.</source>
        <translation>估算值：提供商未返回 token 数。</translation>
    </message>
</context>
<context>
    <name>MessageWidget</name>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="184"/>
        <source>Previous version</source>
        <translation>上一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="185"/>
        <source>Next version</source>
        <translation>下一个版本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="186"/>
        <source>Message text</source>
        <translation>消息文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="187"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="188"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="189"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="190"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="191"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="192"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="193"/>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="466"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="213"/>
        <source>Assistant</source>
        <translation>助手</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="353"/>
        <source>Thinking…</source>
        <translation>思考中…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="355"/>
        <source>Thinking</source>
        <translation>思考过程</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="376"/>
        <source>The request failed.</source>
        <translation>请求失败。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="379"/>
        <source>The reply was interrupted.</source>
        <translation>回复被中断。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="382"/>
        <source>Stopped. Continue picks up where it ended.</source>
        <translation>已停止。点击“继续”可从中断处接着生成。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="19"/>
        <source>{0} in · {1} out tokens</source>
        <translation>输入 {0} · 输出 {1} tokens</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="26"/>
        <source>first token {0:.2f} s</source>
        <translation>首个 token {0:.2f} 秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/footer.py" line="29"/>
        <source>{0:.1f} tokens/s</source>
        <translation>{0:.1f} tokens/秒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/message_widget.py" line="466"/>
        <source>Stop reading</source>
        <translation>停止朗读</translation>
    </message>
</context>
<context>
    <name>MicrophoneRecorder</name>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="94"/>
        <source>Dictation needs QtMultimedia, which does not load here ({0}).</source>
        <translation>听写需要 QtMultimedia，但它在此处无法加载（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="97"/>
        <source>No microphone was found. Connect one (or enable it in the system&apos;s sound settings) and try again.</source>
        <translation>未找到麦克风。请连接一个（或在系统声音设置中启用），然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="113"/>
        <source>Switchboard may not use the microphone. Allow it in {0}, then try again.</source>
        <translation>Switchboard 没有使用麦克风的权限。请在 {0} 中允许，然后重试。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="117"/>
        <source>Allow Switchboard to use the microphone, then press the microphone button again.</source>
        <translation>请允许 Switchboard 使用麦克风，然后再次按下麦克风按钮。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="147"/>
        <source>The microphone could not be opened.</source>
        <translation>无法打开麦克风。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="174"/>
        <source>The microphone stopped working ({0}).</source>
        <translation>麦克风停止工作（{0}）。</translation>
    </message>
</context>
<context>
    <name>MjBlendForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="83"/>
        <source>Midjourney — Blend</source>
        <translation>Midjourney — 混图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="86"/>
        <source>Images (2–5)</source>
        <translation>图片（2–5 张）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="87"/>
        <source>Shape</source>
        <translation>画幅</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="88"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="93"/>
        <source>Blend needs two to five images.</source>
        <translation>混图需要 2 到 5 张图片。</translation>
    </message>
</context>
<context>
    <name>MjDescribeForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="112"/>
        <source>Midjourney — Describe</source>
        <translation>Midjourney — 识图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="115"/>
        <source>Image</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="116"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="121"/>
        <source>Choose the image to describe.</source>
        <translation>请选择要识别的图片。</translation>
    </message>
</context>
<context>
    <name>MjImagineForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="48"/>
        <source>Midjourney — Imagine</source>
        <translation>Midjourney — 绘图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="51"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="52"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="53"/>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="54"/>
        <source>Reference images</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="55"/>
        <source>A lighthouse at dusk, oil painting</source>
        <translation>黄昏时的灯塔，油画</translation>
    </message>
</context>
<context>
    <name>MjShortenForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="141"/>
        <source>Midjourney — Shorten</source>
        <translation>Midjourney — 精简提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="144"/>
        <source>Prompt to shorten</source>
        <translation>要精简的提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="145"/>
        <source>Bot</source>
        <translation>机器人</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="147"/>
        <source>A long prompt: Midjourney answers five shorter ones</source>
        <translation>输入一段长提示词，Midjourney 会给出五个更短的版本</translation>
    </message>
</context>
<context>
    <name>MjSwapForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="169"/>
        <source>Midjourney — FaceSwap</source>
        <translation>Midjourney — 换脸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="172"/>
        <source>Face (source image)</source>
        <translation>人脸（源图片）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="173"/>
        <source>Put it on (target image)</source>
        <translation>换到（目标图片）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_mj.py" line="178"/>
        <source>Choose the face image and the image to put it on.</source>
        <translation>请选择人脸图片和要换脸的目标图片。</translation>
    </message>
</context>
<context>
    <name>MjUploadForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="98"/>
        <source>Midjourney — Upload images</source>
        <translation>Midjourney — 上传图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="102"/>
        <source>Upload images to the relay and get their addresses, to start a prompt with them or to use them as references. An upload makes no task.</source>
        <translation>把图片上传到中转站并取得它们的地址，用作提示词开头或参考图。上传不会创建任务。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="104"/>
        <source>Images (1–5)</source>
        <translation>图片（1–5 张）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="105"/>
        <source>Addresses</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="106"/>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="107"/>
        <source>Upload the images (Ctrl+Enter)</source>
        <translation>上传这些图片（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="108"/>
        <source>Copy addresses</source>
        <translation>复制地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="109"/>
        <source>Use in Imagine</source>
        <translation>用于绘图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="110"/>
        <source>Start the Imagine prompt with these addresses</source>
        <translation>以这些地址作为绘图提示词的开头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="111"/>
        <source>Uploaded image addresses</source>
        <translation>已上传图片的地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="120"/>
        <source>Choose the images to upload.</source>
        <translation>请选择要上传的图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="124"/>
        <source>An upload makes no task: press Upload.</source>
        <translation>上传不会创建任务：请按“上传”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="144"/>
        <source>The relay sent no usable image addresses.</source>
        <translation>中转站没有返回可用的图片地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="165"/>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_mj_upload.py" line="175"/>
        <source>Uploading…</source>
        <translation>正在上传…</translation>
    </message>
</context>
<context>
    <name>ModalInputDialog</name>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="31"/>
        <source>Midjourney needs more input</source>
        <translation>Midjourney 需要更多输入</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="35"/>
        <source>“%1” waits for a prompt before it goes on (Custom Zoom, Vary Region and similar buttons ask for one). Edit it and send it.</source>
        <translation>“%1”需要一段提示词才能继续（Custom Zoom、Vary Region 等按钮会要求输入）。请编辑后发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/modal_dialog.py" line="50"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
</context>
<context>
    <name>ModelForm</name>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="214"/>
        <source>Change the embedding model</source>
        <translation>更换嵌入模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="216"/>
        <source>Vectors of different models cannot be compared: every file is embedded again with the new model.</source>
        <translation>不同模型的向量无法相互比较：所有文件都会用新模型重新生成嵌入。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="218"/>
        <source>&amp;Provider:</source>
        <translation>服务商(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/knowledge/create_form.py" line="219"/>
        <source>Embedding &amp;model:</source>
        <translation>嵌入模型(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ModelList</name>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="118"/>
        <source>Section %1</source>
        <translation>分区 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="122"/>
        <source>on %1</source>
        <translation>来自 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="124"/>
        <source>favourite</source>
        <translation>已收藏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_list.py" line="128"/>
        <source>Use typed name</source>
        <translation>使用输入的名称</translation>
    </message>
</context>
<context>
    <name>ModelPicker</name>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="90"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="180"/>
        <source>Choose the model (Ctrl+M)</source>
        <translation>选择模型（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="176"/>
        <source>No provider yet — add one</source>
        <translation>还没有服务商 — 添加一个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="178"/>
        <source>Choose a model</source>
        <translation>选择模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="188"/>
        <source>%1 on %2 %3 — click to change (Ctrl+M)</source>
        <translation>%2 上的 %1 %3 — 点击更改（Ctrl+M）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="237"/>
        <source>Loading models…</source>
        <translation>正在加载模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="245"/>
        <source> Showing the list from %1 h ago.</source>
        <translation> 显示的是 %1 小时前的列表。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_picker.py" line="234"/>
        <source>Could not load models: %1</source>
        <translation>无法加载模型：%1</translation>
    </message>
</context>
<context>
    <name>ModelPopup</name>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="81"/>
        <source>Search models, or type a model name…</source>
        <translation>搜索模型，或输入模型名称…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="82"/>
        <source>Search models</source>
        <translation>搜索模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="83"/>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="84"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="85"/>
        <source>Refresh model lists</source>
        <translation>刷新模型列表</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="86"/>
        <source>Fetch every provider&apos;s model list again (F5)</source>
        <translation>重新获取所有服务商的模型列表（F5）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/model_popup.py" line="87"/>
        <location filename="../../desktop/ui/model_popup.py" line="111"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Remove from favourites</source>
        <translation>从收藏中移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="185"/>
        <source>Add to favourites</source>
        <translation>加入收藏</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="188"/>
        <source>Capabilities</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="190"/>
        <source>Vision (image input)</source>
        <translation>视觉（图片输入）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="191"/>
        <source>Reasoning</source>
        <translation>推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="192"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="193"/>
        <source>Image generation</source>
        <translation>图像生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="204"/>
        <source>Use the known defaults</source>
        <translation>使用已知默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/model_popup.py" line="207"/>
        <source>Forget this hand-typed model</source>
        <translation>忘记这个手动输入的模型</translation>
    </message>
</context>
<context>
    <name>ParameterFields</name>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="18"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="19"/>
        <source>Top P</source>
        <translation>Top P</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="20"/>
        <source>Max tokens</source>
        <translation>最大 token 数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="21"/>
        <source>Presence penalty</source>
        <translation>存在惩罚</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="22"/>
        <source>Frequency penalty</source>
        <translation>频率惩罚</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="23"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="24"/>
        <source>Choices (n)</source>
        <translation>候选数 (n)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="25"/>
        <source>Stop sequences</source>
        <translation>停止序列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="26"/>
        <source>Logit bias</source>
        <translation>Logit 偏置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="27"/>
        <source>User</source>
        <translation>用户标识</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="37"/>
        <source>-2 to 2</source>
        <translation>-2 到 2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="38"/>
        <source>whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="39"/>
        <source>one per line, up to 4</source>
        <translation>每行一个，最多 4 个</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="42"/>
        <source>end-user id for abuse monitoring</source>
        <translation>用于滥用监控的终端用户 ID</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="51"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="55"/>
        <source>Provider default — e.g. %1</source>
        <translation>服务商默认 — 例如 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_labels.py" line="62"/>
        <source>%1 (%2). Leave empty to use the provider&apos;s default.</source>
        <translation>%1（%2）。留空则使用服务商的默认值。</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="215"/>
        <source>SYSTEM PROMPT</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="216"/>
        <source>You are a helpful assistant.</source>
        <translation>你是一个乐于助人的助手。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="217"/>
        <source>System prompt</source>
        <translation>系统提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="218"/>
        <source>SAMPLING</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="220"/>
        <source>RESPONSE FORMAT</source>
        <translation>响应格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="221"/>
        <source>Response format</source>
        <translation>响应格式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Provider default</source>
        <translation>服务商默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="222"/>
        <source>JSON object</source>
        <translation>JSON 对象</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="223"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="226"/>
        <source>JSON schema</source>
        <translation>JSON Schema</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="227"/>
        <source>Empty fields are not sent: the provider&apos;s default applies.</source>
        <translation>空白字段不会发送：将使用服务商的默认值。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="202"/>
        <source>PARAMETERS</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="203"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="204"/>
        <source>Unset every parameter (provider defaults)</source>
        <translation>清除所有参数（使用服务商默认值）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="205"/>
        <source>Reset parameters</source>
        <translation>重置参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="206"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="207"/>
        <source>Load a preset</source>
        <translation>加载预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="208"/>
        <source>Preset actions</source>
        <translation>预设操作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="209"/>
        <source>Save, rename or delete presets</source>
        <translation>保存、重命名或删除预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="210"/>
        <source>Save as preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="211"/>
        <source>Rename preset…</source>
        <translation>重命名预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="212"/>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete preset</source>
        <translation>删除预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="213"/>
        <source>Use as defaults for this model</source>
        <translation>设为此模型的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="214"/>
        <source>Forget this model&apos;s defaults</source>
        <translation>忘记此模型的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="307"/>
        <source>Also sent (set elsewhere): %1</source>
        <translation>同时发送（在别处设置）：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="368"/>
        <source>Presets…</source>
        <translation>预设…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="375"/>
        <source>%1 (built-in)</source>
        <translation>%1（内置）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="411"/>
        <source>Use as defaults for %1</source>
        <translation>设为 %1 的默认值</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="436"/>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="441"/>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="447"/>
        <source>Replace preset</source>
        <translation>替换预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="448"/>
        <source>A preset named “%1” exists. Replace it?</source>
        <translation>已存在名为“%1”的预设。要替换吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="458"/>
        <source>Rename preset</source>
        <translation>重命名预设</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/parameter_panel.py" line="467"/>
        <source>Delete the preset “%1”?</source>
        <translation>删除预设“%1”？</translation>
    </message>
</context>
<context>
    <name>PassageDialog</name>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="367"/>
        <source>Source {0}</source>
        <translation>来源 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="370"/>
        <source>Knowledge base: {0}</source>
        <translation>知识库：{0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="372"/>
        <source>page {0}</source>
        <translation>第 {0} 页</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="373"/>
        <source>similarity {0}</source>
        <translation>相似度 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="375"/>
        <source>Open file</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/kb_sources.py" line="377"/>
        <source>Open {0} with the system viewer</source>
        <translation>用系统查看器打开 {0}</translation>
    </message>
</context>
<context>
    <name>PrepareImage</name>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="55"/>
        <source>The image</source>
        <translation>该图片</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="57"/>
        <source>{0} cannot be attached: {1}</source>
        <translation>无法附加 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="103"/>
        <source>The image could not be encoded as {0}.</source>
        <translation>无法将图片编码为 {0}。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="124"/>
        <location filename="../../desktop/media/image_prepare.py" line="196"/>
        <source>the file is {0} MB; the limit is {1} MB.</source>
        <translation>文件大小为 {0} MB，上限为 {1} MB。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="128"/>
        <source>the file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="136"/>
        <source>it is not an image in a known format (JPEG, PNG, GIF, WebP, BMP or TIFF).</source>
        <translation>这不是受支持格式的图片（JPEG、PNG、GIF、WebP、BMP 或 TIFF）。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="141"/>
        <location filename="../../desktop/media/image_prepare.py" line="210"/>
        <source>it has {0} megapixels; the limit is {1}.</source>
        <translation>图片有 {0} 百万像素，上限为 {1}。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="146"/>
        <source>it is animated ({0} frames); attach a still image.</source>
        <translation>这是动图（{0} 帧），请附加静态图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="150"/>
        <source>the file is cut off (incomplete or corrupt).</source>
        <translation>文件不完整或已损坏。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="162"/>
        <source>it could not be decoded ({0}).</source>
        <translation>无法解码（{0}）。</translation>
    </message>
    <message>
        <location filename="../../desktop/media/image_prepare.py" line="208"/>
        <source>the clipboard held no readable image.</source>
        <translation>剪贴板中没有可读取的图片。</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="39"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="40"/>
        <source>Checking the conversations…</source>
        <translation>正在检查对话…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="41"/>
        <source>Saving the conversations…</source>
        <translation>正在保存对话…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="42"/>
        <source>Copying the history…</source>
        <translation>正在复制历史记录…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="43"/>
        <source>Writing the export…</source>
        <translation>正在写入导出文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="44"/>
        <source>Pricing the replies…</source>
        <translation>正在计算回复的费用…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/progress_dialog.py" line="76"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ProviderBalance</name>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="56"/>
        <source>Refresh balance</source>
        <translation>刷新余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="58"/>
        <location filename="../../desktop/ui/provider_balance.py" line="75"/>
        <source>Balance: not checked yet.</source>
        <translation>余额：尚未查询。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="73"/>
        <location filename="../../desktop/ui/provider_balance.py" line="116"/>
        <source>Balance: not offered by this provider.</source>
        <translation>余额：此提供商不提供余额查询。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="91"/>
        <source>Balance: checking…</source>
        <translation>余额：正在查询…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="113"/>
        <source>Balance: %1</source>
        <translation>余额：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_balance.py" line="118"/>
        <source>Balance: failed: %1</source>
        <translation>余额：查询失败：%1</translation>
    </message>
</context>
<context>
    <name>ProviderCostFields</name>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="131"/>
        <source>Price multiplier</source>
        <translation>价格倍率</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="131"/>
        <source>Billing currency</source>
        <translation>计费货币</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="132"/>
        <source>Per-model prices</source>
        <translation>按模型定价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="132"/>
        <source>Low balance</source>
        <translation>余额提醒</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="135"/>
        <source>The relay charges this multiple of the official price (e.g. × 0.5, × 1.5).</source>
        <translation>中转站按官方价格的此倍数收费（例如 × 0.5、× 1.5）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="137"/>
        <source>per USD:</source>
        <translation>每美元：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="138"/>
        <source>How many units of this currency one US dollar buys.</source>
        <translation>1 美元可兑换多少单位的此货币。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="140"/>
        <source>Prices for models the price data does not know, per 1M tokens in the billing currency: “model = input, output[, cached input[, reasoning]]”, one a line.</source>
        <translation>价格数据中没有的模型的价格，以计费货币计、每百万 token：“模型 = 输入, 输出[, 缓存输入[, 推理]]”，每行一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_costs.py" line="142"/>
        <source>Warn below</source>
        <translation>低于以下金额时提醒</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="239"/>
        <source>Provider name</source>
        <translation>服务商名称</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="291"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="240"/>
        <source>Base URL</source>
        <translation>基础 URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="292"/>
        <source>Base &amp;URL</source>
        <translation>基础 URL(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="241"/>
        <source>API style</source>
        <translation>API 类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="293"/>
        <source>API &amp;style</source>
        <translation>API 类型(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="242"/>
        <source>Where the key comes from</source>
        <translation>密钥来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="245"/>
        <source>System keyring</source>
        <translation>系统密钥环</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="246"/>
        <source>Environment variable</source>
        <translation>环境变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="247"/>
        <source>No key (local server)</source>
        <translation>无密钥（本地服务器）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="294"/>
        <source>&amp;Key from</source>
        <translation>密钥来源(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="251"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="374"/>
        <location filename="../../desktop/ui/provider_form.py" line="384"/>
        <source>Paste the API key</source>
        <translation>粘贴 API 密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="252"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="253"/>
        <source>Show the key while typing</source>
        <translation>输入时显示密钥</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="295"/>
        <source>API &amp;key</source>
        <translation>API 密钥(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="254"/>
        <source>Environment variable name</source>
        <translation>环境变量名</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="296"/>
        <source>&amp;Variable</source>
        <translation>变量(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="257"/>
        <source>Connection options</source>
        <translation>连接选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="258"/>
        <source>Show connection options</source>
        <translation>显示连接选项</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="259"/>
        <source>Prices and balance</source>
        <translation>价格与余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="260"/>
        <source>Show prices and balance</source>
        <translation>显示价格与余额</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="261"/>
        <source>Ask for token usage in streams (stream_options)</source>
        <translation>在流式响应中请求 token 用量（stream_options）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="263"/>
        <source>Some relays reject stream_options; turn this off for them.</source>
        <translation>部分中转站不接受 stream_options；对它们请关闭此项。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="265"/>
        <source>Send PDFs natively</source>
        <translation>以原生方式发送 PDF</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="267"/>
        <source>Attached PDFs go to the model as files (OpenAI file part, Anthropic document, Responses input_file) instead of their extracted text. Only for gateways and models that read PDFs.</source>
        <translation>附加的 PDF 以文件形式发送给模型（OpenAI file 部分、Anthropic document、Responses input_file），而不是发送提取出的文本。仅适用于能读取 PDF 的网关和模型。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="270"/>
        <location filename="../../desktop/ui/provider_form.py" line="297"/>
        <source>Extra headers</source>
        <translation>额外请求头</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="271"/>
        <location filename="../../desktop/ui/provider_form.py" line="298"/>
        <source>Proxy</source>
        <translation>代理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>System / environment</source>
        <translation>系统 / 环境变量</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="273"/>
        <source>This proxy:</source>
        <translation>使用此代理：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="276"/>
        <source>Proxy URL</source>
        <translation>代理 URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="277"/>
        <source>Verify TLS certificates</source>
        <translation>验证 TLS 证书</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="278"/>
        <source>Custom CA bundle</source>
        <translation>自定义 CA 证书包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="279"/>
        <source>System trust store</source>
        <translation>系统信任存储</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="280"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="281"/>
        <source>Choose a CA bundle file</source>
        <translation>选择 CA 证书包文件</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="285"/>
        <source>How image sizes are written</source>
        <translation>图片尺寸的写法</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="299"/>
        <location filename="../../desktop/ui/provider_form.py" line="474"/>
        <source>CA bundle</source>
        <translation>CA 证书包</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="282"/>
        <location filename="../../desktop/ui/provider_form.py" line="300"/>
        <source>Connect timeout</source>
        <translation>连接超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="283"/>
        <location filename="../../desktop/ui/provider_form.py" line="301"/>
        <source>Read timeout</source>
        <translation>读取超时</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="284"/>
        <location filename="../../desktop/ui/provider_form.py" line="302"/>
        <source>Retries</source>
        <translation>重试次数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="255"/>
        <source>&amp;Test connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="256"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="303"/>
        <source>Task APIs</source>
        <translation>任务 API</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="304"/>
        <source>Image sizes</source>
        <translation>图片尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="373"/>
        <source>Checking the system keyring…</source>
        <translation>正在检查系统密钥环…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="377"/>
        <source>A key is stored in the system keyring. Paste a new one to replace it.</source>
        <translation>系统密钥环中已存有密钥。粘贴新密钥即可替换。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="379"/>
        <source>(stored)</source>
        <translation>（已保存）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="382"/>
        <source>Stored only in the system keyring, never in Switchboard&apos;s files.</source>
        <translation>只保存在系统密钥环中，绝不写入 Switchboard 的文件。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="467"/>
        <source>Enter the gateway&apos;s base URL, usually ending in /v1.</source>
        <translation>请输入网关的基础 URL，通常以 /v1 结尾。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="469"/>
        <source>Chat requests go to %1</source>
        <translation>聊天请求将发送到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_form.py" line="476"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>证书 (*.pem *.crt *.cer);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ProviderWiring</name>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="273"/>
        <source>The key for %1 is in the system keyring.</source>
        <translation>%1 的密钥已在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="276"/>
        <source>%2 The key for %1 is kept for this session only.</source>
        <translation>%2 %1 的密钥仅在本次运行期间保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="280"/>
        <source>The key for %1 is kept for this session only.</source>
        <translation>%1 的密钥仅在本次运行期间保留。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_wiring.py" line="284"/>
        <source>Send again to use it.</source>
        <translation>再次发送即可使用。</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="123"/>
        <location filename="../../desktop/ui/providers_dialog.py" line="144"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="122"/>
        <source>PROVIDERS</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="124"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="126"/>
        <source>Add a provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="147"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="140"/>
        <source>Remove the provider</source>
        <translation>移除服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="142"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="143"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="147"/>
        <source>No provider yet. Use “Add” to start from a template: cloud APIs, relay gateways such as MaxAPI, ModelMax or MaxToken, or a local server.</source>
        <translation>还没有服务商。点击“添加”从模板开始：云端 API、MaxAPI、ModelMax 或 MaxToken 等中转网关，或本地服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="151"/>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="152"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="129"/>
        <source>Cloud APIs</source>
        <translation>云端 API</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="130"/>
        <source>Relay gateways</source>
        <translation>中转网关</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="131"/>
        <source>Local servers</source>
        <translation>本地服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/provider_list.py" line="43"/>
        <source>%1 (new)</source>
        <translation>%1（新）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="236"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="237"/>
        <source>Save the changes to this provider?</source>
        <translation>保存对此服务商的更改吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="309"/>
        <source>Replace the example base URL with your gateway&apos;s.</source>
        <translation>请把示例基础 URL 换成你的网关地址。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="346"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="359"/>
        <source>Storing the key in the system keyring…</source>
        <translation>正在将密钥存入系统密钥环…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="369"/>
        <source>Saved; the key is in the system keyring.</source>
        <translation>已保存；密钥在系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="378"/>
        <source>The key was not kept: %1</source>
        <translation>密钥未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="383"/>
        <source>The key is kept in memory until Switchboard quits.</source>
        <translation>密钥将保存在内存中，直到 Switchboard 退出。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="388"/>
        <source>The key will be read from the environment variable %1.</source>
        <translation>密钥将从环境变量 %1 读取。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="421"/>
        <source>Remove %1? Its key is deleted from the system keyring.</source>
        <translation>移除 %1？它的密钥将从系统密钥环中删除。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="424"/>
        <source>Remove provider</source>
        <translation>移除服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="437"/>
        <source>The provider was removed, but its key could not be deleted: %1</source>
        <translation>服务商已移除，但无法删除其密钥：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="461"/>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/providers_dialog.py" line="490"/>
        <source>Connected. %n model(s) available</source>
        <translation>
            <numerusform>已连接。可用模型 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/providers_dialog.py" line="498"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>ReadAloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="169"/>
        <location filename="../../desktop/ui/read_aloud.py" line="173"/>
        <source>Read aloud failed: %1</source>
        <translation>朗读失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="171"/>
        <source>This reply has no text to read aloud.</source>
        <translation>这条回复没有可朗读的文字。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="180"/>
        <source>This reply is long: only its first part is read aloud.</source>
        <translation>这条回复较长：只朗读开头部分。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="190"/>
        <source>Audio cannot be played here (QtMultimedia does not load: %1).</source>
        <translation>此处无法播放音频（QtMultimedia 无法加载：%1）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="193"/>
        <source>There is no audio output on this system.</source>
        <translation>此系统没有音频输出设备。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="196"/>
        <source>This installation plays only WAV audio, and the provider sent %1. Choose WAV in the read-aloud settings to listen here.</source>
        <translation>此安装只能播放 WAV 音频，而服务商发送的是 %1。请在朗读设置中选择 WAV 以便在此收听。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="227"/>
        <source>The audio could not be played: %1.</source>
        <translation>音频无法播放：%1。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="252"/>
        <source>The audio was not saved: %1</source>
        <translation>音频未保存：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="255"/>
        <source>Audio saved to %1</source>
        <translation>音频已保存到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="261"/>
        <source>Save audio — %1</source>
        <translation>保存音频 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="262"/>
        <source>Audio (*%1)</source>
        <translation>音频 (*%1)</translation>
    </message>
</context>
<context>
    <name>ReplyExtras</name>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="83"/>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="87"/>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="85"/>
        <source>The model declined to answer.</source>
        <translation>模型拒绝回答。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="112"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="169"/>
        <source>{0} cached</source>
        <translation>{0} 缓存</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="172"/>
        <source>{0} reasoning</source>
        <translation>{0} 推理</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/reply_extras.py" line="194"/>
        <source>Token usage</source>
        <translation>Token 用量</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="34"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="40"/>
        <source>Choose the backup to restore. The current history is saved as a backup first, so a restore can itself be undone.</source>
        <translation>选择要恢复的备份。当前的历史记录会先保存为备份，因此恢复操作本身也可以撤销。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="56"/>
        <source>No backups yet in %1</source>
        <translation>%1 中还没有备份</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="62"/>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="64"/>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="89"/>
        <source>made by you</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="90"/>
        <source>saved before a restore</source>
        <translation>恢复前保存</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/restore_dialog.py" line="95"/>
        <source>%n conversation(s)</source>
        <translation>
            <numerusform>%n 个对话</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="107"/>
        <source>Restore from a backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/restore_dialog.py" line="108"/>
        <source>Switchboard backups (*.sqlite3 *.db);;All files (*)</source>
        <translation>Switchboard 备份 (*.sqlite3 *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ResultCard</name>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="67"/>
        <source>Reroll</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="68"/>
        <source>Upscale</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="69"/>
        <source>Vary</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="70"/>
        <source>Zoom out</source>
        <translation>拉远</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="71"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="209"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="210"/>
        <source>the server gave no reason</source>
        <translation>服务器未说明原因</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="258"/>
        <source>Click to see it at full size</source>
        <translation>点击查看原尺寸</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="266"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="292"/>
        <location filename="../../desktop/ui/studio/result_card.py" line="355"/>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="294"/>
        <location filename="../../desktop/ui/studio/result_card.py" line="359"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="295"/>
        <source>Open with the system&apos;s player</source>
        <translation>用系统播放器打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="302"/>
        <source>Continue from…</source>
        <translation>从此处续写…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="303"/>
        <source>Make a new song that continues this clip</source>
        <translation>生成一首接着这段音频继续的新歌</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="324"/>
        <source>Use this prompt</source>
        <translation>使用此提示词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="325"/>
        <source>Put it into the Imagine form</source>
        <translation>填入绘图表单</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="357"/>
        <source>Copy image</source>
        <translation>复制图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="360"/>
        <source>Open with the system&apos;s image viewer</source>
        <translation>用系统图片查看器打开</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="366"/>
        <source>Extend…</source>
        <translation>延长…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="367"/>
        <source>Continue the video with a new prompt</source>
        <translation>用新的提示词继续这段视频</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="371"/>
        <source>Give the input…</source>
        <translation>填写输入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="376"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="379"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="380"/>
        <source>Submit again with the same prompt and options</source>
        <translation>用相同的提示词和选项再次提交</translation>
    </message>
</context>
<context>
    <name>ResultFiles</name>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="69"/>
        <source>The file could not be saved: %1</source>
        <translation>无法保存文件：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="74"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="90"/>
        <source>No program is set up to open %1.</source>
        <translation>没有设置用于打开 %1 的程序。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="94"/>
        <source>The file could not be opened: %1</source>
        <translation>无法打开文件：%1</translation>
    </message>
</context>
<context>
    <name>RichTextView</name>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="48"/>
        <source>Open image address</source>
        <translation>打开图片地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="49"/>
        <source>The reply names this image. Switchboard does not load images from replies.

{0}

Open it with the system&apos;s default application?</source>
        <translation>回复中提到了这张图片。Switchboard 不会加载回复中的图片。

{0}

要用系统默认程序打开它吗？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="223"/>
        <source>Scaled down to fit. Click to see it at full size.</source>
        <translation>已缩小以适应宽度。点击查看原始大小。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="380"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="382"/>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="390"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="392"/>
        <source>Copy image address</source>
        <translation>复制图片地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="397"/>
        <source>Copy link address</source>
        <translation>复制链接地址</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="403"/>
        <source>Copy LaTeX</source>
        <translation>复制 LaTeX</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/rich_text.py" line="404"/>
        <source>Copy as MathML</source>
        <translation>复制为 MathML</translation>
    </message>
</context>
<context>
    <name>SearchResultsView</name>
    <message>
        <location filename="../../desktop/ui/search_results.py" line="326"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
</context>
<context>
    <name>SectionTabs</name>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="38"/>
        <source>Chats</source>
        <translation>聊天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="39"/>
        <source>Studio</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/section_tabs.py" line="41"/>
        <source>Midjourney, Suno, Luma and Flux tasks (Ctrl+Shift+S)</source>
        <translation>Midjourney、Suno、Luma 和 Flux 任务（Ctrl+Shift+S）</translation>
    </message>
</context>
<context>
    <name>SendEstimate</name>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="77"/>
        <source>An estimate of what the next request sends: the conversation so far (%1 tokens), the system prompt, your text and attachments. The reply&apos;s tokens are not included.</source>
        <translation>下一次请求发送内容的估算：目前的对话（%1 个 token）、系统提示词、你输入的文字和附件。不包括回复的 token。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="83"/>
        <source>≈ %1 tokens</source>
        <translation>约 %1 个 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="85"/>
        <location filename="../../desktop/ui/send_estimate.py" line="88"/>
        <source>(estimate)</source>
        <translation>（估算）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/send_estimate.py" line="86"/>
        <source>≈ %1 input</source>
        <translation>输入约 %1</translation>
    </message>
</context>
<context>
    <name>ServerFormDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="46"/>
        <source>Add an MCP server</source>
        <translation>添加 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="54"/>
        <source>e.g. time</source>
        <translation>例如 time</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="55"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="57"/>
        <source>A command on this computer (stdio)</source>
        <translation>本机上的命令（stdio）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="58"/>
        <source>A URL (Streamable HTTP)</source>
        <translation>URL（Streamable HTTP）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="59"/>
        <source>&amp;Runs as</source>
        <translation>运行方式(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="68"/>
        <source>&amp;Command</source>
        <translation>命令(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="70"/>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="71"/>
        <source>&amp;Working directory</source>
        <translation>工作目录(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="73"/>
        <source>KEY=VALUE, one per line (optional)</source>
        <translation>KEY=VALUE，每行一个（可选）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="75"/>
        <source>&amp;Environment</source>
        <translation>环境变量(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="76"/>
        <source>The server sees only these variables and a safe minimum (PATH, HOME…), never your providers&apos; keys.</source>
        <translation>服务器只能看到这些变量和最少的安全变量（PATH、HOME…），永远看不到你的提供商密钥。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="86"/>
        <source>&amp;URL</source>
        <translation>&amp;URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="89"/>
        <source>optional; kept in the system keyring</source>
        <translation>可选；保存在系统密钥环中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="90"/>
        <source>Bearer &amp;token</source>
        <translation>Bearer 令牌(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="110"/>
        <source>A server named %1 exists already.</source>
        <translation>已存在名为 %1 的服务器。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="116"/>
        <source>The command cannot be read: %1</source>
        <translation>无法解析该命令：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/server_form.py" line="119"/>
        <source>Enter the command that starts the server.</source>
        <translation>请输入启动服务器的命令。</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="105"/>
        <source>New conversation (Ctrl+N)</source>
        <translation>新对话（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="106"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="107"/>
        <source>Search  (Ctrl+K)</source>
        <translation>搜索（Ctrl+K）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="108"/>
        <source>Search conversations</source>
        <translation>搜索对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="109"/>
        <source>No conversations yet.
Start one with Ctrl+N.</source>
        <translation>还没有对话。
按 Ctrl+N 开始一个。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="122"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="139"/>
        <source>No matches for “%1”.</source>
        <translation>没有与“%1”匹配的结果。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar.py" line="148"/>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
</context>
<context>
    <name>SidebarActions</name>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="80"/>
        <source>New folder</source>
        <translation>新建文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="81"/>
        <location filename="../../desktop/ui/sidebar_actions.py" line="95"/>
        <source>Folder name:</source>
        <translation>文件夹名称：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="94"/>
        <source>Rename folder</source>
        <translation>重命名文件夹</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="109"/>
        <source>Export conversation</source>
        <translation>导出对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="111"/>
        <source>Markdown (*.md);;HTML (*.html);;JSON (*.json)</source>
        <translation>Markdown (*.md);;HTML (*.html);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="129"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/sidebar_actions.py" line="155"/>
        <source>Conversation deleted.</source>
        <translation>对话已删除。</translation>
    </message>
</context>
<context>
    <name>SpeechPlayer</name>
    <message>
        <location filename="../../desktop/ui/read_aloud.py" line="88"/>
        <source>the WAV file could not be decoded</source>
        <translation>WAV 文件无法解码</translation>
    </message>
</context>
<context>
    <name>SpeechSettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="44"/>
        <source>Read aloud</source>
        <translation>朗读</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="47"/>
        <source>The conversation&apos;s provider</source>
        <translation>当前对话的服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="56"/>
        <source>WAV plays everywhere; other formats need a media backend (installs from pip have one, the bundle does not).</source>
        <translation>WAV 在任何地方都能播放；其他格式需要媒体后端（pip 安装自带，打包版没有）。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="59"/>
        <source>Provider:</source>
        <translation>服务商：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="60"/>
        <source>Model:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="60"/>
        <source>Voice:</source>
        <translation>声音：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/speech_settings.py" line="61"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
</context>
<context>
    <name>StudioForm</name>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="129"/>
        <source>NEW TASK</source>
        <translation>新任务</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="118"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="119"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="120"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="121"/>
        <source>Send the task (Ctrl+Enter)</source>
        <translation>提交任务（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="129"/>
        <source>UPLOAD IMAGES</source>
        <translation>上传图片</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/form_panel.py" line="220"/>
        <source>No provider offers %1 yet. Turn it on in Settings → Providers → Connection options → Task APIs.</source>
        <translation>还没有服务商提供 %1。请在“设置 → 服务商 → 连接选项 → 任务 API”中开启。</translation>
    </message>
</context>
<context>
    <name>StudioSidebarPage</name>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="49"/>
        <source>CREATE</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="50"/>
        <source>Images, blends, descriptions</source>
        <translation>绘图、混图、识图</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="51"/>
        <source>Songs and instrumentals</source>
        <translation>歌曲和纯音乐</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="52"/>
        <source>Short videos</source>
        <translation>短视频</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="53"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/sidebar_page.py" line="67"/>
        <source>%n task(s) running</source>
        <translation>
            <numerusform>%n 个任务运行中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StudioView</name>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="138"/>
        <source>Studio</source>
        <translation>创作</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="139"/>
        <source>QUEUE</source>
        <translation>队列</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="140"/>
        <source>No tasks yet. Describe what you want on the left and press Create.</source>
        <translation>还没有任务。在左侧描述你想要的内容，然后点击“创建”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/studio_view.py" line="142"/>
        <source>Choose a task to see its results.</source>
        <translation>选择一个任务以查看其结果。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/studio/studio_view.py" line="187"/>
        <source>%n running</source>
        <translation>
            <numerusform>%n 个运行中</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SunoForm</name>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="65"/>
        <source>Suno — Music</source>
        <translation>Suno — 音乐</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="68"/>
        <source>Write</source>
        <translation>创作方式</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="69"/>
        <source>A description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="70"/>
        <source>Custom lyrics</source>
        <translation>自定义歌词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="71"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="72"/>
        <source>Style tags</source>
        <translation>风格标签</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="73"/>
        <source>dream pop, female vocals</source>
        <translation>梦幻流行, 女声</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="74"/>
        <source>Instrumental</source>
        <translation>纯音乐</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="75"/>
        <source>No vocals</source>
        <translation>无人声</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="76"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="81"/>
        <source>Lyrics</source>
        <translation>歌词</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="81"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="83"/>
        <source>[Verse]
…</source>
        <translation>[Verse]
…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/forms_media.py" line="83"/>
        <source>A calm song about the sea at night</source>
        <translation>一首关于夜晚大海的宁静歌曲</translation>
    </message>
</context>
<context>
    <name>TaskApiDetector</name>
    <message>
        <location filename="../../desktop/ui/studio/task_api_detect.py" line="42"/>
        <source>Asking %1…</source>
        <translation>正在询问 %1…</translation>
    </message>
</context>
<context>
    <name>TaskApiFields</name>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="76"/>
        <source>Midjourney speed</source>
        <translation>Midjourney 速度</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="77"/>
        <source>Flux model</source>
        <translation>Flux 模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="78"/>
        <source>The relay&apos;s default (no prefix)</source>
        <translation>中转站默认（无前缀）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="79"/>
        <source>Relax (/mj-relax/)</source>
        <translation>慢速 Relax（/mj-relax/）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="80"/>
        <source>Fast (/mj-fast/)</source>
        <translation>快速 Fast（/mj-fast/）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="81"/>
        <source>Turbo (/mj-turbo/)</source>
        <translation>极速 Turbo（/mj-turbo/）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="84"/>
        <source>The aggregator task APIs this provider offers (Studio)</source>
        <translation>此服务商提供的聚合任务 API（用于“创作”）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="85"/>
        <source>Detect</source>
        <translation>检测</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="86"/>
        <source>Ask the provider which task APIs it answers</source>
        <translation>询问服务商支持哪些任务 API</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="119"/>
        <source>Found: %1</source>
        <translation>找到：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="120"/>
        <source>No task API answered.</source>
        <translation>没有任务 API 响应。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/provider_fields.py" line="125"/>
        <source>Detection failed: %1</source>
        <translation>检测失败：%1</translation>
    </message>
</context>
<context>
    <name>TaskQueueView</name>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="171"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="173"/>
        <source>Re-run</source>
        <translation>重新运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/queue_view.py" line="175"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Thumbnail</name>
    <message>
        <location filename="../../desktop/ui/studio/result_card.py" line="124"/>
        <source>The image could not be read.</source>
        <translation>无法读取图片。</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <location filename="../../desktop/ui/usage/charts.py" line="166"/>
        <source>%1 · %2 tokens</source>
        <translation>%1 · %2 个 token</translation>
    </message>
</context>
<context>
    <name>ToolCard</name>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="143"/>
        <source>Arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="144"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="145"/>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="146"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="147"/>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="148"/>
        <source>Always allow this tool</source>
        <translation>始终允许此工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="170"/>
        <source>tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="174"/>
        <source>Tool call {0}</source>
        <translation>工具调用 {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="208"/>
        <source>Waiting for approval</source>
        <translation>等待批准</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="209"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="210"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="211"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="212"/>
        <source>Denied</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="213"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="214"/>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/chat_view/tool_card.py" line="219"/>
        <source>Running · {0}</source>
        <translation>运行中 · {0}</translation>
    </message>
</context>
<context>
    <name>ToolChoiceButton</name>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="58"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="56"/>
        <source>Tools · {0}</source>
        <translation>工具 · {0}</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="57"/>
        <source>Tools the model may call in this conversation</source>
        <translation>此对话中模型可以调用的工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="59"/>
        <source>Tools: {0} servers on</source>
        <translation>工具：已启用 {0} 个服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="87"/>
        <source>No MCP servers yet</source>
        <translation>还没有 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="98"/>
        <source>Manage servers…</source>
        <translation>管理服务器…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tool_choice_button.py" line="102"/>
        <source>Tools of {0}</source>
        <translation>{0} 的工具</translation>
    </message>
</context>
<context>
    <name>ToolTurns</name>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="184"/>
        <source>None of the chosen tools is available: sending without tools.</source>
        <translation>所选工具均不可用：将不带工具发送。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="206"/>
        <source>Send without tools</source>
        <translation>不带工具发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tool_exchange.py" line="305"/>
        <source>“Always allow” could not be saved: {0}</source>
        <translation>无法保存“始终允许”：{0}</translation>
    </message>
</context>
<context>
    <name>ToolsDialog</name>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="74"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="343"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="85"/>
        <source>MCP servers give models tools. Nothing runs without your approval: each call is shown with its arguments first, unless you chose “Always allow” for that tool.</source>
        <translation>MCP 服务器为模型提供工具。未经你批准，任何工具都不会运行：每次调用都会先显示其参数，除非你为该工具选择了“始终允许”。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="102"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="103"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="105"/>
        <source>Servers from an mcp.json or claude_desktop_config.json file</source>
        <translation>从 mcp.json 或 claude_desktop_config.json 文件导入服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="106"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="423"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="132"/>
        <source>Use this server</source>
        <translation>使用此服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="133"/>
        <source>Start and list tools</source>
        <translation>启动并列出工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Tool</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="141"/>
        <source>Offered</source>
        <translation>提供给模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="142"/>
        <source>Always allow</source>
        <translation>始终允许</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="151"/>
        <source>Select a tool to see what it does and the arguments it takes.</source>
        <translation>选择一个工具，查看它的用途和所需参数。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="200"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="210"/>
        <source>Turned off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="201"/>
        <source>Not running — starts when a model first needs it</source>
        <translation>未运行——模型首次需要时启动</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="202"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="203"/>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="299"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="208"/>
        <source>Not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="209"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="235"/>
        <source>No MCP server yet</source>
        <translation>还没有 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="236"/>
        <source>Add one by its command or URL, or import the mcp.json you already use with another client.</source>
        <translation>通过命令或 URL 添加，或导入你在其他客户端中使用的 mcp.json。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="243"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="258"/>
        <source>Start the server to see its tools.</source>
        <translation>启动服务器以查看其工具。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="359"/>
        <source>The token of %1 was not stored: %2</source>
        <translation>%1 的令牌未能保存：%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="389"/>
        <source>Import MCP servers</source>
        <translation>导入 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="390"/>
        <source>MCP configuration (*.json);;All files (*)</source>
        <translation>MCP 配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="419"/>
        <source>Remove MCP server</source>
        <translation>移除 MCP 服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/tools/tools_dialog.py" line="420"/>
        <source>Remove %1? Its token, if any, is deleted from the system keyring.</source>
        <translation>移除 %1？如有令牌，也会从系统密钥环中删除。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="100"/>
        <location filename="../../desktop/ui/main_window.py" line="101"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="102"/>
        <source>Undo (Ctrl+Z)</source>
        <translation>撤销（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>UsageTools</name>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="66"/>
        <source>Recalculate costs</source>
        <translation>重新计算费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="67"/>
        <source>Price every reply again with today&apos;s prices and each provider&apos;s overrides? The prices they were sent with are replaced.</source>
        <translation>按今天的价格和各服务商的自定义价格重新计算每条回复的费用？发送时记录的价格将被替换。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="73"/>
        <source>Recalculating costs</source>
        <translation>正在重新计算费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="81"/>
        <source>Priced %1 of %2 replies again with today&apos;s prices.</source>
        <translation>已按今天的价格重新计算了 %2 条回复中的 %1 条。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="89"/>
        <source>Recalculating stopped: the replies done so far keep their new prices.</source>
        <translation>已停止重新计算：已处理的回复保留新价格。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tools.py" line="96"/>
        <source>The costs could not be recalculated: %1</source>
        <translation>无法重新计算费用：%1</translation>
    </message>
</context>
<context>
    <name>UsageView</name>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="58"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="59"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="60"/>
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="61"/>
        <location filename="../../desktop/ui/usage/tables.py" line="113"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="62"/>
        <source>Input tokens</source>
        <translation>输入 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="63"/>
        <source>Output tokens</source>
        <translation>输出 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="64"/>
        <location filename="../../desktop/ui/usage/tables.py" line="114"/>
        <source>Replies</source>
        <translation>回复数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="112"/>
        <source>Conversation</source>
        <translation>对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="125"/>
        <source>Double-click to open the conversation</source>
        <translation>双击打开对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/tables.py" line="130"/>
        <source>(untitled)</source>
        <translation>（无标题）</translation>
    </message>
</context>
<context>
    <name>UsageWindow</name>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="207"/>
        <source>Usage and costs</source>
        <translation>用量与费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="208"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="208"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="209"/>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="209"/>
        <source>Last 12 months</source>
        <translation>最近 12 个月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="210"/>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="210"/>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="213"/>
        <source>Day</source>
        <translation>天</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="213"/>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="214"/>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="215"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="215"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="216"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="216"/>
        <location filename="../../desktop/ui/usage/window.py" line="226"/>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="219"/>
        <source>&amp;Range</source>
        <translation>范围(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="220"/>
        <source>&amp;Per</source>
        <translation>周期(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="221"/>
        <source>&amp;By</source>
        <translation>分组(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="222"/>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="223"/>
        <source>Costs in different currencies are never added</source>
        <translation>不同货币的费用不会相加</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="224"/>
        <source>Recalculate costs…</source>
        <translation>重新计算费用…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="225"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="226"/>
        <source>Total cost</source>
        <translation>总费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="227"/>
        <source>Replies</source>
        <translation>回复数</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="227"/>
        <source>Average per reply</source>
        <translation>每条回复平均</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="230"/>
        <source>Top conversations</source>
        <translation>费用最高的对话</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="231"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="286"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="303"/>
        <source>The usage could not be read: %1</source>
        <translation>无法读取用量：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="322"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="326"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="331"/>
        <source>Cost per day</source>
        <translation>每天费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="332"/>
        <source>Cost per week</source>
        <translation>每周费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="333"/>
        <source>Cost per month</source>
        <translation>每月费用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="334"/>
        <source>Tokens per day</source>
        <translation>每天 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="335"/>
        <source>Tokens per week</source>
        <translation>每周 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="336"/>
        <source>Tokens per month</source>
        <translation>每月 token</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="342"/>
        <source>By model</source>
        <translation>按模型</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="343"/>
        <source>By provider</source>
        <translation>按服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="366"/>
        <source>No replies in this range.</source>
        <translation>此范围内没有回复。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="368"/>
        <source>Costs as priced when each reply was sent. Read in %1 ms.</source>
        <translation>费用按每条回复发送时的价格计算。读取耗时 %1 毫秒。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="376"/>
        <source>Not priced</source>
        <translation>未定价</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="393"/>
        <source>Export usage as CSV</source>
        <translation>将用量导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="394"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="401"/>
        <source>The CSV could not be written: %1</source>
        <translation>无法写入 CSV：%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/usage/window.py" line="403"/>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>VisionCheck</name>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="83"/>
        <source>Send images?</source>
        <translation>发送图片？</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="84"/>
        <source>{0} is not known to understand images.</source>
        <translation>未知 {0} 是否能理解图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="86"/>
        <source>The provider may refuse the request or the model may ignore the images.</source>
        <translation>服务商可能拒绝该请求，或模型可能忽略图片。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="87"/>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/attachment_sender.py" line="90"/>
        <source>Don&apos;t ask again for this model</source>
        <translation>此模型不再询问</translation>
    </message>
</context>
<context>
    <name>WavFileRecorder</name>
    <message>
        <location filename="../../desktop/ui/dictation/recorder.py" line="73"/>
        <source>The test microphone file cannot be read: {0}</source>
        <translation>无法读取测试用麦克风文件：{0}</translation>
    </message>
</context>
<context>
    <name>WelcomeView</name>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="111"/>
        <source>Connect a model provider</source>
        <translation>连接模型服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="114"/>
        <source>Switchboard talks to any OpenAI-compatible API: cloud providers, relay gateways and servers on this computer. Keys are kept in your system keyring only.</source>
        <translation>Switchboard 可连接任何兼容 OpenAI 的 API：云服务商、中转网关以及本机上的服务器。密钥只保存在你的系统密钥环中。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="118"/>
        <source>Add a provider…</source>
        <translation>添加服务商…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="119"/>
        <source>Add a provider</source>
        <translation>添加服务商</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="121"/>
        <source>Add %1</source>
        <translation>添加 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="122"/>
        <source>ON THIS COMPUTER</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="123"/>
        <source>Look again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="124"/>
        <source>Look for local servers again</source>
        <translation>重新查找本地服务器</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="128"/>
        <source>Looking for local servers on 127.0.0.1 (%1)…</source>
        <translation>正在 127.0.0.1 上查找本地服务器（%1）…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="175"/>
        <source>No local server answered. Start Ollama, LM Studio, llama.cpp, vLLM or LiteLLM and look again, or add a provider above.</source>
        <translation>没有本地服务器响应。请启动 Ollama、LM Studio、llama.cpp、vLLM 或 LiteLLM 后重新查找，或在上方添加服务商。</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="180"/>
        <source>These servers answered:</source>
        <translation>以下服务器有响应：</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="191"/>
        <source>asks for a key</source>
        <translation>需要密钥</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/welcome_view.py" line="193"/>
        <source>%n model(s)</source>
        <translation>
            <numerusform>%n 个模型</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="202"/>
        <source>Use it</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/welcome_view.py" line="203"/>
        <source>Use %1</source>
        <translation>使用 %1</translation>
    </message>
</context>
<context>
    <name>_Transport</name>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="108"/>
        <location filename="../../desktop/ui/studio/media_players.py" line="109"/>
        <source>Play or pause</source>
        <translation>播放或暂停</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="110"/>
        <source>Position</source>
        <translation>播放位置</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/studio/media_players.py" line="159"/>
        <source>The file could not be played: %1</source>
        <translation>无法播放文件：%1</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="44"/>
        <source>Choose a model…</source>
        <translation>选择模型…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="51"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/compare/chooser.py" line="58"/>
        <source>Remove this model</source>
        <translation>移除此模型</translation>
    </message>
</context>
<context>
    <name>pane</name>
    <message>
        <location filename="../../desktop/ui/window_assembly.py" line="293"/>
        <source>New conversation</source>
        <translation>新对话</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../desktop/ui/studio/result_files.py" line="41"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
</context>
<context>
    <name>self.read_aloud</name>
    <message>
        <location filename="../../desktop/ui/read_aloud_wiring.py" line="60"/>
        <source>Choose a provider first: read aloud uses the conversation&apos;s provider.</source>
        <translation>请先选择服务商：朗读使用当前对话的服务商。</translation>
    </message>
</context>
<context>
    <name>self.view</name>
    <message>
        <location filename="../../desktop/ui/studio/wiring.py" line="129"/>
        <source>clip %1</source>
        <translation>片段 %1</translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <location filename="../../desktop/ui/studio/wiring.py" line="79"/>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
</TS>
